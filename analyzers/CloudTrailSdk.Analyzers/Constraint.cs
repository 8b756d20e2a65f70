namespace CloudTrailSdk.Analyzers;

/// <summary>
/// One constraint attribute read into plain values. Bounds keep the runtime's conventions (-1 or NaN = unbounded), so
/// they go to the shared rules unchanged.
/// </summary>
/// <remarks>
/// Fields, not properties, here and in the analyzer's other small data classes: a build in a fresh compiler process
/// just-in-time compiles every accessor it calls, one method each.
/// </remarks>
internal sealed class Constraint
{
    public Constraint(ConstraintKind kind, bool appliesToItems)
    {
        Kind = kind;
        AppliesToItems = appliesToItems;
    }

    public readonly ConstraintKind Kind;

    /// <summary>True when the constraint applies to each element of a list, not to the list.</summary>
    public readonly bool AppliesToItems;

    public long Min = -1;

    public long Max = -1;

    public double RangeMin = double.NaN;

    public double RangeMax = double.NaN;

    /// <summary>The pattern, the rule name, or the doubled characters, by kind.</summary>
    public string Text = string.Empty;

    public string[] Values = System.Array.Empty<string>();
}
