using System;
using System.Collections.Generic;

namespace CloudTrailSdk.Fake;

/// <summary>One trail and everything that lives and dies with it: logging status, selectors and tags.</summary>
internal sealed class TrailState : ITaggable
{
    public required Trail Trail { get; set; }

    public bool IsLogging { get; set; }

    public DateTimeOffset? StartLoggingTime { get; set; }

    public DateTimeOffset? StopLoggingTime { get; set; }

    public IReadOnlyList<EventSelector>? EventSelectors { get; set; }

    public IReadOnlyList<AdvancedEventSelector>? AdvancedEventSelectors { get; set; }

    public IReadOnlyList<InsightSelector> InsightSelectors { get; set; } = Array.Empty<InsightSelector>();

    // Insertion-ordered so ListTags answers in the order tags were added, as CloudTrail does.
    public List<Tag> Tags { get; } = new();

    public string Name => Trail.Name!;

    public string Arn => Trail.TrailARN!;

    public string HomeRegion => Trail.HomeRegion!;

    public bool IsMultiRegion => Trail.IsMultiRegionTrail == true;

    /// <summary>What PutEventConfiguration set; null until then (the defaults apply).</summary>
    public EventConfigurationSettings? EventConfiguration { get; set; }
}
