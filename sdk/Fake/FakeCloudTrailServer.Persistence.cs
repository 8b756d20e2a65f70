using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Fake;

public sealed partial class FakeCloudTrailServer : IDisposable
{
    // Replayed calls act in the account they acted in when first made, whatever access-key mapping this run has.
    private const string ReplayAccountItem = "fake.replay.account";

    private FakeJournal? _journal;

    // With a journal, calls run one at a time, so the journal's order is the order the changes were made in.
    private readonly SemaphoreSlim _journalOrder = new(1, 1);

    /// <summary>Closes the data directory's journal, if there is one.</summary>
    public void Dispose()
    {
        _journal?.Dispose();
        _journalOrder.Dispose();
    }

    private void OpenJournal(string directory)
    {
        var events = new Dictionary<(string Account, string Region), List<RecordedEvent>>();
        _journal = FakeJournal.Open(directory, entry => ReplayEntry(entry, events));

        // One merge per region at the end: merging event by event would re-sort the log each time.
        foreach (var ((account, region), list) in events)
        {
            var state = State(account, region);
            state.Events.Merge(list.FindAll(e => !e.IsInsight));
            state.Insights.Merge(list.FindAll(e => e.IsInsight));
        }
    }

    // A change is journaled as the call that made it (replayed through the same handlers); events as themselves.
    private void JournalCall(string operation, ReadOnlyMemory<byte> body, AwsServerContext context)
    {
        _journal?.Append(w =>
        {
            w.WriteString("kind", "call");
            w.WriteString("operation", operation);
            w.WriteString("account", AccountOf(context));
            w.WriteString("region", RegionOf(context));
            w.WriteString("accessKeyId", context.AccessKeyId);
            w.WriteNumber("time", context.ReceivedAt.UtcTicks);
            w.WriteString("body", System.Text.Encoding.UTF8.GetString(body.Span));
        });
    }

    private void JournalEvent(string account, string region, RecordedEvent e)
    {
        _journal?.Append(w =>
        {
            w.WriteString("kind", "event");
            w.WriteString("account", account);
            w.WriteString("region", region);
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

    private void ReplayEntry(JsonElement entry, Dictionary<(string Account, string Region), List<RecordedEvent>> events)
    {
        var account = FakeJournal.Text(entry, "account");
        var region = FakeJournal.Text(entry, "region");
        var time = new DateTimeOffset(entry.GetProperty("time").GetInt64(), TimeSpan.Zero);
        switch (FakeJournal.Text(entry, "kind"))
        {
            case "call":
                var context = new AwsServerContext(FakeJournal.Text(entry, "operation"), "replay")
                {
                    Region = region,
                    AccessKeyId = FakeJournal.OptionalText(entry, "accessKeyId"),
                    ReceivedAt = time,
                };
                context.Items[ReplayAccountItem] = account;

                // Handlers complete synchronously; the journal holds only calls that succeeded, so replay cannot fail
                // unless the file was edited.
                var result = base.DispatchAsync(context.Operation, FakeJournal.Utf8(FakeJournal.Text(entry, "body")), context).GetAwaiter().GetResult();
                if (result.ErrorCode is not null)
                {
                    throw new InvalidOperationException("replaying " + context.Operation + " failed with " + result.ErrorCode);
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
                    FakeJournal.Text(entry, "record"),
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

    private async Task<AwsServerResult> DispatchJournaledAsync(string operation, ReadOnlyMemory<byte> body, AwsServerContext context, CancellationToken cancellationToken)
    {
        await _journalOrder.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await base.DispatchAsync(operation, body, context, cancellationToken).ConfigureAwait(false);
            if (result.ErrorCode is null && !EventRecorder.IsReadOnly(operation))
            {
                JournalCall(operation, body, context);
            }

            return result;
        }
        finally
        {
            _journalOrder.Release();
        }
    }
}
