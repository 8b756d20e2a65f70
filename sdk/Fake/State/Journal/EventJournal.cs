using System;
using System.Collections.Generic;
using System.Text.Json;
using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Fake;

/// <summary>
/// What the fake writes to its data directory and how it reads it back. A change is journaled as the call that made it,
/// so replay runs it through the same handlers; an event is journaled as itself, because its id and time must survive.
/// </summary>
internal sealed class EventJournal : IDisposable
{
    private readonly FakeJournal _file;

    private EventJournal(FakeJournal file) => _file = file;

    /// <summary>Opens the directory's journal and replays it: calls through <paramref name="behaviour"/>, events into <paramref name="store"/>.</summary>
    public static EventJournal Open(string directory, CloudTrailBehaviour behaviour, FakeStore store)
    {
        var events = new Dictionary<(string Account, string Region), List<RecordedEvent>>();
        var file = FakeJournal.Open(directory, entry => Replay(entry, behaviour, events));

        // One merge per region at the end: merging event by event would re-sort the log each time.
        foreach (var ((account, region), list) in events)
        {
            var state = store.Region(account, region);
            state.Events.Merge(list.FindAll(e => !e.IsInsight));
            state.Insights.Merge(list.FindAll(e => e.IsInsight));
        }

        return new EventJournal(file);
    }

    public void AppendCall(string operation, ReadOnlyMemory<byte> body, AwsServerContext context, CallScope scope)
    {
        _file.Append(w =>
        {
            w.WriteString("kind", "call");
            w.WriteString("operation", operation);
            w.WriteString("account", scope.Account);
            w.WriteString("region", scope.Region);
            w.WriteString("accessKeyId", context.AccessKeyId);
            w.WriteString("requestId", context.RequestId);
            w.WriteNumber("time", context.ReceivedAt.UtcTicks);
            w.WriteString("body", System.Text.Encoding.UTF8.GetString(body.Span));
        });
    }

    public void AppendEvent(CallScope scope, RecordedEvent e)
    {
        _file.Append(w =>
        {
            w.WriteString("kind", "event");
            w.WriteString("account", scope.Account);
            w.WriteString("region", scope.Region);
            w.WriteBoolean("insight", e.IsInsight);
            w.WriteString("id", e.EventId);
            w.WriteString("name", e.EventName);
            w.WriteString("source", e.EventSource);
            w.WriteNumber("time", e.EventTime.UtcTicks);
            w.WriteBoolean("readOnly", e.ReadOnly);
            w.WriteString("accessKeyId", e.AccessKeyId);
            w.WriteString("username", e.Username);
            w.WriteString("resourceType", e.ResourceType);
            w.WriteString("resourceName", e.ResourceName);
            w.WriteString("record", e.CloudTrailEvent);
        });
    }

    public void Dispose() => _file.Dispose();

    private static void Replay(JsonElement entry, CloudTrailBehaviour behaviour, Dictionary<(string Account, string Region), List<RecordedEvent>> events)
    {
        var account = FakeJournal.Text(entry, "account");
        var region = FakeJournal.Text(entry, "region");
        var time = new DateTimeOffset(entry.GetProperty("time").GetInt64(), TimeSpan.Zero);
        switch (FakeJournal.Text(entry, "kind"))
        {
            case "call":
                // Replayed calls act in the account they acted in when first made, whatever access-key mapping this run has.
                var context = new AwsServerContext(FakeJournal.Text(entry, "operation"), FakeJournal.OptionalText(entry, "requestId") ?? "replay-" + time.UtcTicks)
                {
                    Region = region,
                    AccountId = account,
                    AccessKeyId = FakeJournal.OptionalText(entry, "accessKeyId"),
                    ReceivedAt = time,
                };

                // Handlers complete synchronously; the journal holds only calls that succeeded, so a replay fails only when
                // the file was edited or the fake now runs with other settings (no organization, other import sources).
                var result = behaviour.ReplayAsync(context.Operation, FakeJournal.Utf8(FakeJournal.Text(entry, "body")), context).GetAwaiter().GetResult();
                if (result.ErrorCode is not null)
                {
                    throw new JournalReplayException(
                        context.Operation + " succeeded when it was made but now fails with " + result.ErrorCode + " ("
                        + System.Text.Encoding.UTF8.GetString(result.Body) + "): start the fake with the settings it had then (organization, import sources, accounts)");
                }

                break;
            case "event":
                var e = new RecordedEvent(
                    FakeJournal.Text(entry, "id"),
                    FakeJournal.Text(entry, "name"),
                    FakeJournal.Text(entry, "source"),
                    time,
                    entry.GetProperty("readOnly").GetBoolean(),
                    FakeJournal.OptionalText(entry, "accessKeyId"),
                    FakeJournal.OptionalText(entry, "username"),
                    FakeJournal.OptionalText(entry, "resourceType"),
                    FakeJournal.OptionalText(entry, "resourceName"),
                    FakeJournal.Utf8(FakeJournal.Text(entry, "record")),
                    entry.GetProperty("insight").GetBoolean());
                if (!events.TryGetValue((account, region), out var list))
                {
                    events[(account, region)] = list = new List<RecordedEvent>();
                }

                list.Add(e);
                break;
            default:
                throw new FormatException("unknown kind");
        }
    }
}
