using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>
/// The events of one account and region, oldest first, indexed by every LookupEvents attribute. A page is found by binary
/// search and read backwards, so its cost depends on the page size, not on how many events are stored.
/// </summary>
internal sealed class EventLog
{
    private static readonly IReadOnlyList<int> NoPositions = Array.Empty<int>();
    private readonly List<RecordedEvent> _events = new();
    private readonly Dictionary<(string Key, string Value), List<int>> _index = new();

    public int Count => _events.Count;

    public RecordedEvent this[int position] => _events[position];

    /// <summary>Adds the newest event; returns it as stored (its time may be raised to keep the log in order).</summary>
    public RecordedEvent Append(RecordedEvent recorded)
    {
        // Calls that overlap may finish out of order; the log must stay sorted by time for the binary searches, so a late
        // finisher takes its predecessor's time (they differ by less than the record's one-second resolution).
        if (_events.Count > 0 && recorded.EventTime < _events[^1].EventTime)
        {
            recorded = recorded with { EventTime = _events[^1].EventTime };
        }

        _events.Add(recorded);
        Index(recorded, _events.Count - 1);
        return recorded;
    }

    public bool Contains(string eventId) => _index.ContainsKey(("EventId", eventId));

    /// <summary>Merges events of any age in by time. Positions move, so NextTokens issued before no longer apply.</summary>
    public void Merge(IEnumerable<RecordedEvent> events)
    {
        var merged = _events.Concat(events).OrderBy(e => e.EventTime).ToList();
        _events.Clear();
        _index.Clear();
        foreach (var e in merged)
        {
            _events.Add(e);
            Index(e, _events.Count - 1);
        }
    }

    /// <summary>Positions before <paramref name="anchor"/> whose event matches the attribute and lies in [from, to], newest first.</summary>
    public IEnumerable<int> Backward(string? key, string? value, int anchor, DateTimeOffset from, DateTimeOffset to)
    {
        IReadOnlyList<int> positions = key is null ? new AllPositions(_events.Count) : _index.TryGetValue((key, Normalize(key, value ?? string.Empty)), out var list) ? list : NoPositions;

        // Positions and times both ascend along the list, so "before the anchor and not after `to`" holds for a prefix.
        var low = 0;
        var high = positions.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            var p = positions[mid];
            if (p < anchor && _events[p].EventTime <= to)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        for (var i = low - 1; i >= 0 && _events[positions[i]].EventTime >= from; i--)
        {
            yield return positions[i];
        }
    }

    private void Index(RecordedEvent e, int position)
    {
        Add("EventId", e.EventId);
        Add("EventName", e.EventName);
        Add("EventSource", e.EventSource);
        Add("ReadOnly", e.ReadOnly ? "true" : "false");
        Add("Username", e.Username);
        Add("ResourceType", e.ResourceType);
        Add("ResourceName", e.ResourceName);
        Add("AccessKeyId", e.AccessKeyId);

        void Add(string key, string? value)
        {
            if (value is null)
            {
                return;
            }

            if (!_index.TryGetValue((key, value), out var positions))
            {
                _index[(key, value)] = positions = new List<int>();
            }

            positions.Add(position);
        }
    }

    // ReadOnly is matched without regard to case ("True" finds read-only events), every other attribute exactly.
    private static string Normalize(string key, string value) => key == "ReadOnly" ? value.ToLowerInvariant() : value;

    /// <summary>0..count-1 as a list, without allocating one.</summary>
    private sealed class AllPositions(int count) : IReadOnlyList<int>
    {
        public int Count => count;

        public int this[int index] => index;

        public IEnumerator<int> GetEnumerator() => Enumerable.Range(0, count).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
