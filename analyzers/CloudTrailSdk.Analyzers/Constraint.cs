namespace CloudTrailSdk.Analyzers;

/// <summary>
/// One constraint attribute read into plain values. Bounds keep the runtime's conventions (-1 or NaN = unbounded), so
/// they go to the shared rules unchanged.
/// </summary>
internal sealed class Constraint
{
    public Constraint(ConstraintKind kind, bool appliesToItems)
    {
        Kind = kind;
        AppliesToItems = appliesToItems;
    }

    public ConstraintKind Kind { get; }

    /// <summary>True when the constraint applies to each element of a list, not to the list.</summary>
    public bool AppliesToItems { get; }

    public long Min { get; set; } = -1;

    public long Max { get; set; } = -1;

    public double RangeMin { get; set; } = double.NaN;

    public double RangeMax { get; set; } = double.NaN;

    /// <summary>The pattern, the rule name, or the doubled characters, by kind.</summary>
    public string Text { get; set; } = string.Empty;

    public string[] Values { get; set; } = System.Array.Empty<string>();
}
