using System.Collections.Generic;

namespace CloudTrailSdk.Fake;

/// <summary>One CloudTrail Lake dashboard: its widgets, their queries, and its refresh schedule.</summary>
internal sealed class DashboardState : ITaggable, IResourcePolicyHolder
{
    public required string Id { get; init; }

    public required string Arn { get; init; }

    public required string Account { get; init; }

    public required string HomeRegion { get; init; }

    public required string Name { get; set; }

    public List<Tag> Tags { get; } = new();

    public string? ResourcePolicy { get; set; }
}
