using System;
using System.Text;

namespace CloudTrailSdk.Fake;

/// <summary>
/// One stored event: the fields LookupEvents filters on, and the full CloudTrail record. The record is kept as UTF-8,
/// half the size of a string, and decoded only when a page returns it: most stored events are never read.
/// </summary>
internal sealed record RecordedEvent(
    string EventId,
    string EventName,
    string EventSource,
    DateTimeOffset EventTime,
    bool ReadOnly,
    string? AccessKeyId,
    string? Username,
    string? ResourceType,
    string? ResourceName,
    byte[] Record,
    bool IsInsight = false)
{
    public string CloudTrailEvent => Encoding.UTF8.GetString(Record);

    public Event ToEvent() => new()
    {
        EventId = EventId,
        EventName = EventName,
        EventSource = EventSource,
        EventTime = EventTime,
        ReadOnly = ReadOnly ? "true" : "false",
        AccessKeyId = AccessKeyId,
        Username = Username,
        Resources = ResourceName is null ? Array.Empty<Resource>() : new[] { new Resource { ResourceType = ResourceType, ResourceName = ResourceName } },
        CloudTrailEvent = CloudTrailEvent,
    };
}
