using System;
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

    public DashboardType Type { get; init; } = DashboardType.Custom;

    public DashboardStatus Status { get; set; } = DashboardStatus.Created;

    /// <summary>The widgets as the caller defined them, each with the alias its query runs under.</summary>
    public IReadOnlyList<Widget> Widgets { get; set; } = Array.Empty<Widget>();

    public RefreshSchedule? RefreshSchedule { get; set; }

    public bool TerminationProtectionEnabled { get; set; }

    public DateTimeOffset CreatedTimestamp { get; init; }

    public DateTimeOffset UpdatedTimestamp { get; set; }

    public string? LastRefreshId { get; set; }

    /// <summary>The Lake queries the last refresh started, one per widget, in widget order.</summary>
    public IReadOnlyList<string> LastRefreshQueryIds { get; set; } = Array.Empty<string>();
}
