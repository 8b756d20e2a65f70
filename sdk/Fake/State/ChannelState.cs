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
}
