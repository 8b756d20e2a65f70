namespace CloudTrailSdk.Generator.Specs;

internal enum ConstraintKind
{
    Length,
    Range,
    Count,
    Pattern,
    NamedRule,
    WeightedLength,
    AllowedValues,
    Default,
}

/// <summary>
/// One constraint on a value, from the model (length, range, count, pattern) or from the customizations file.
/// <see cref="Min"/> and <see cref="Max"/> are null when unbounded. A named rule's <see cref="Checker"/> is the
/// fully qualified static method (string in, message or null out) that the customizations file declares for it.
/// </summary>
internal sealed record ConstraintSpec(
    ConstraintKind Kind,
    double? Min,
    double? Max,
    string? Text,
    EquatableArray<string> Values,
    bool AppliesToItems,
    string? ErrorCode,
    string? Checker = null)
{
    public static ConstraintSpec Bounds(ConstraintKind kind, double? min, double? max) =>
        new(kind, min, max, null, EquatableArray<string>.Empty, false, null);

    public static ConstraintSpec WithText(ConstraintKind kind, string text) =>
        new(kind, null, null, text, EquatableArray<string>.Empty, false, null);
}
