using System;
using System.Collections.Generic;

namespace CloudTrailSdk.Fake;

/// <summary>A trail's or event data store's event configuration, as PutEventConfiguration last set it.</summary>
internal sealed record EventConfigurationSettings
{
    /// <summary>What a resource has before any PutEventConfiguration: standard-size events, no enrichment, no aggregation.</summary>
    public static EventConfigurationSettings Default { get; } = new();

    public MaxEventSize MaxEventSize { get; init; } = MaxEventSize.Standard;

    public IReadOnlyList<ContextKeySelector> ContextKeySelectors { get; init; } = Array.Empty<ContextKeySelector>();

    public IReadOnlyList<AggregationConfiguration> AggregationConfigurations { get; init; } = Array.Empty<AggregationConfiguration>();
}
