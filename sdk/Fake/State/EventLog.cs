using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>
/// The events of one account and region, oldest first, indexed by every LookupEvents attribute, and bounded: it holds
/// at most <see cref="Capacity"/> events and none older than the retention window before the newest, dropping the
/// oldest first. Positions are absolute (they keep counting as old events go), so a NextToken anchored on a position
/// stays meaningful while the log turns over beneath it. A page is found by binary search and read backwards, so its
/// cost depends on the page size, not on how many events are stored.
/// </summary>
internal sealed class EventLog
{
    private static readonly IReadOnlyList<int> NoPositions = Array.Empty<int>();
    private readonly List<RecordedEvent> _events = new();
    private readonly Dictionary<(string Key, string Value), List<int>> _index = new();
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly TimeSpan _retention;

    // _events[0] is at absolute position _base; events below _start are already dropped but not yet compacted away,
    // because compacting rebuilds the index and is done in batches to keep appends cheap.
    private int _base;
    private int _start;

    public EventLog(int capacity, TimeSpan retention)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "An event log holds at least one event.");
        }

        Capacity = capacity;
        _retention = retention;
    }

    /// <summary>The most events the log holds; older ones are dropped first.</summary>
    public int Capacity { get; }

    /// <summary>How many events the log holds now.</summary>
    public int Count => End - _start;

    /// <summary>The position of the oldest event held.</summary>
    public int Start => _start;

    /// <summary>One past the position of the newest event.</summary>
    public int End => _base + _events.Count;

    public RecordedEvent this[int position] => _events[position - _base];

    /// <summary>The events held, oldest first.</summary>
    public IEnumerable<RecordedEvent> All()
    {
        for (var p = _start; p < End; p++)
        {
            yield return this[p];
        }
    }

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
        Index(recorded, End - 1);
        DropExpired(recorded.EventTime);
        return recorded;
    }

    public bool Contains(string eventId) => _ids.TryGetValue(eventId, out var position) && position >= _start;

    /// <summary>Merges events of any age in by time. Positions are renumbered, so NextTokens issued before no longer apply.</summary>
    public void Merge(IEnumerable<RecordedEvent> events)
    {
        var merged = All().Concat(events).OrderBy(e => e.EventTime).ToList();
        var end = End;
        _events.Clear();
        _index.Clear();
        _ids.Clear();

        // Numbering goes on from the old end, so a token issued before the merge points below every new position.
        _base = _start = end;
        foreach (var e in merged)
        {
            _events.Add(e);
            Index(e, End - 1);
        }

        if (_events.Count > 0)
        {
            DropExpired(_events[^1].EventTime);
        }
    }

    /// <summary>Positions before <paramref name="anchor"/> whose event matches the attribute and lies in [from, to], newest first.</summary>
    public IEnumerable<int> Backward(string? key, string? value, int anchor, DateTimeOffset from, DateTimeOffset to)
    {
        IReadOnlyList<int> positions = key is null ? new PositionRange(_start, End)
            : key == "EventId" ? (_ids.TryGetValue(value ?? string.Empty, out var one) ? new PositionRange(one, one + 1) : NoPositions)
            : _index.TryGetValue((key, Normalize(key, value ?? string.Empty)), out var list) ? list : NoPositions;

        // Positions and times both ascend along the list, so "before the anchor and not after `to`" holds for a prefix.
        var low = 0;
        var high = positions.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            var p = positions[mid];
            if (p < anchor && (p < _start || this[p].EventTime <= to))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        for (var i = low - 1; i >= 0 && positions[i] >= _start && this[positions[i]].EventTime >= from; i--)
        {
            yield return positions[i];
        }
    }

    private void DropExpired(DateTimeOffset newest)
    {
        var oldestKept = newest - _retention;
        while (Count > Capacity || (Count > 0 && this[_start].EventTime < oldestKept))
        {
            _start++;
        }

        // A quarter of slack keeps the rebuild's cost at a few index updates per append.
        if (_start - _base > Math.Max(16, Capacity / 4))
        {
            Compact();
        }
    }

    private void Compact()
    {
        _events.RemoveRange(0, _start - _base);
        _base = _start;
        _index.Clear();
        _ids.Clear();
        for (var p = _start; p < End; p++)
        {
            Index(this[p], p);
        }
    }

    private void Index(RecordedEvent e, int position)
    {
        _ids[e.EventId] = position;
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

    /// <summary>start..end-1 as a list, without allocating one.</summary>
    private sealed class PositionRange(int start, int end) : IReadOnlyList<int>
    {
        public int Count => end - start;

        public int this[int index] => start + index;

        public IEnumerator<int> GetEnumerator() => Enumerable.Range(start, end - start).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
