using System;
using System.Collections.Generic;

namespace CloudTrailSdk.Fake;

/// <summary>One CloudTrail Lake event data store: its settings, its status over time, and its tags.</summary>
internal sealed class EventDataStoreState : ITaggable, IResourcePolicyHolder
{
    public required string Id { get; init; }

    public required string Arn { get; init; }

    public required string Account { get; init; }

    public required string HomeRegion { get; init; }

    public required string Name { get; set; }

    public required IReadOnlyList<AdvancedEventSelector> AdvancedEventSelectors { get; set; }

    public bool MultiRegionEnabled { get; set; }

    public bool OrganizationEnabled { get; set; }

    public int RetentionPeriod { get; set; }

    public bool TerminationProtectionEnabled { get; set; }

    public string? KmsKeyId { get; set; }

    public string BillingMode { get; set; } = "EXTENDABLE_RETENTION_PRICING";

    public DateTimeOffset CreatedTimestamp { get; init; }

    public DateTimeOffset UpdatedTimestamp { get; set; }

    /// <summary>Ingesting (ENABLED) or not (STOPPED_INGESTION): where a transition ends.</summary>
    public bool Ingesting { get; set; }

    /// <summary>Until this time a start or stop of ingestion shows its transitional status.</summary>
    public DateTimeOffset TransitionEnds { get; set; }

    /// <summary>Set by DeleteEventDataStore: the store is PENDING_DELETION from then, and gone 7 days later.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public List<Tag> Tags { get; } = new();

    public string? ResourcePolicy { get; set; }

    public EventDataStoreStatus StatusAt(DateTimeOffset now) =>
        DeletedAt is not null ? EventDataStoreStatus.PendingDeletion
        : now < TransitionEnds ? (Ingesting ? EventDataStoreStatus.StartingIngestion : EventDataStoreStatus.StoppingIngestion)
        : Ingesting ? EventDataStoreStatus.Enabled : EventDataStoreStatus.StoppedIngestion;

    /// <summary>Federation's end state (ENABLED or DISABLED): where a transition started by Enable/DisableFederation ends.</summary>
    public bool FederationEnabled { get; set; }

    /// <summary>The role EnableFederation was given; cleared when federation is disabled.</summary>
    public string? FederationRoleArn { get; set; }

    /// <summary>Until this time a federation change shows ENABLING or DISABLING.</summary>
    public DateTimeOffset FederationTransitionEnds { get; set; }

    /// <summary>What PutEventConfiguration set; null until then (the defaults apply).</summary>
    public EventConfigurationSettings? EventConfiguration { get; set; }

    public FederationStatus FederationStatusAt(DateTimeOffset now) =>
        now < FederationTransitionEnds ? (FederationEnabled ? FederationStatus.Enabling : FederationStatus.Disabling)
        : FederationEnabled ? FederationStatus.Enabled : FederationStatus.Disabled;
}
