using System;

namespace CloudTrailSdk.Fake;

/// <summary>One stored event: the fields LookupEvents filters on, and the full CloudTrail record as JSON.</summary>
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
    string CloudTrailEvent,
    bool IsInsight = false)
{
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
