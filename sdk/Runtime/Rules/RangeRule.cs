namespace CloudTrailSdk.Runtime.Rules;

/// <summary>The model's <c>range</c> trait: a number must lie in [min, max]. A NaN bound means unbounded.</summary>
public static class RangeRule
{
    /// <summary>Checks <paramref name="value"/>. Returns null when it passes, otherwise what is wrong.</summary>
    public static string? Check(double value, double min, double max)
    {
        if (double.IsNaN(value))
        {
            // NaN compares false with everything, so without this it would slip through any bound.
            return double.IsNaN(min) && double.IsNaN(max) ? null : "NaN is not a number within the allowed range";
        }

        if (!double.IsNaN(min) && value < min)
        {
            return RuleText.Num(value) + " is below the minimum of " + RuleText.Num(min);
        }

        if (!double.IsNaN(max) && value > max)
        {
            return RuleText.Num(value) + " is above the maximum of " + RuleText.Num(max);
        }

        return null;
    }
}
