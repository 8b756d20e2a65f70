namespace CloudTrailSdk.Analyzers;

/// <summary>The constraint attributes the analyzer checks, one per shared rule.</summary>
internal enum ConstraintKind
{
    Length,
    Range,
    Count,
    Pattern,
    Rule,
    WeightedLength,
    AllowedValues,
}
