using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>Loads CloudTrail log files into the store, each event in the account and region its record names.</summary>
internal sealed class LogSeeder
{
    private readonly FakeStore _store;
    private readonly FakeCloudTrailOptions _options;
    private readonly System.Func<EventJournal?> _journal;
    private readonly System.Action<CallScope, IEnumerable<RecordedEvent>> _ingest;

    public LogSeeder(FakeStore store, FakeCloudTrailOptions options, System.Func<EventJournal?> journal, System.Action<CallScope, IEnumerable<RecordedEvent>> ingest)
    {
        _ingest = ingest;
        _store = store;
        _options = options;
        _journal = journal;
    }

    /// <summary>
    /// Loads CloudTrail log files (<c>{"Records":[...]}</c>, plain or <c>.json.gz</c>) so LookupEvents finds their events,
    /// each in the account and region its record names. All files are read before any event is stored: a malformed file
    /// throws <see cref="FakeSeedException"/> naming it and the record, and nothing is loaded. Events already held (same eventID)
    /// are skipped. Returns how many events the files hold.
    /// </summary>
    public int LoadLogFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = new List<SeededEvent>();
        foreach (var path in paths)
        {
            try
            {
                using var file = File.OpenRead(path);
                all.AddRange(CloudTrailLogReader.Read(file, path, _options.DefaultAccountId));
            }
            catch (IOException ex)
            {
                throw new FakeSeedException(path, null, "cannot be read: " + ex.Message, ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new FakeSeedException(path, null, "cannot be read: " + ex.Message, ex);
            }
        }

        Store(all);
        return all.Count;
    }

    /// <summary>Loads one CloudTrail log file from a stream; <paramref name="source"/> names it in errors. See <see cref="LoadLogFiles"/>.</summary>
    public int LoadLogFile(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        var events = CloudTrailLogReader.Read(stream, source, _options.DefaultAccountId);
        Store(events);
        return events.Count;
    }

    private void Store(List<SeededEvent> seeded)
    {
        var accepted = new List<(CallScope Scope, List<RecordedEvent> Events)>();
        lock (_store.Gate)
        {
            foreach (var group in seeded.GroupBy(s => (s.Account, s.Region)))
            {
                // LookupEvents walks a log newest first, so seeded events are merged in by time, not appended.
                // An event already held (same eventID) is skipped: restarting with the same --seed and --data-dir must not
                // double the history.
                var state = _store.Region(group.Key.Account, group.Key.Region);
                var fresh = group.Select(s => s.Event).Where(e => !state.Events.Contains(e.EventId) && !state.Insights.Contains(e.EventId))
                    .DistinctBy(e => e.EventId).ToList();
                state.Events.Merge(fresh.Where(e => !e.IsInsight));
                state.Insights.Merge(fresh.Where(e => e.IsInsight));
                foreach (var e in fresh)
                {
                    _journal()?.AppendEvent(new CallScope(group.Key.Account, group.Key.Region), e);
                }

                accepted.Add((new CallScope(group.Key.Account, group.Key.Region), fresh));
            }
        }

        // Event data stores take seeded events too, filtered by their selectors, outside the store's gate.
        foreach (var (scope, events) in accepted)
        {
            _ingest(scope, events);
        }
    }
}
