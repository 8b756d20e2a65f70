using System;
using System.Collections.Generic;

namespace CloudTrailSdk.Fake;

/// <summary>One CloudTrail Lake channel: where events from outside AWS enter, and the event data stores they go to.</summary>
internal sealed class ChannelState : ITaggable, IResourcePolicyHolder
{
    public required string Id { get; init; }

    public required string Arn { get; init; }

    public required string Account { get; init; }

    public required string HomeRegion { get; init; }

    public required string Name { get; set; }

    public List<Tag> Tags { get; } = new();

    public string? ResourcePolicy { get; set; }

    /// <summary><c>Custom</c> or a partner's source name; fixed at creation, as CloudTrail has it.</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<Destination> Destinations { get; set; }

    public DateTimeOffset CreatedTimestamp { get; init; }
}
