namespace CloudTrailSdk.Runtime.Rules;

/// <summary>The model's <c>length</c> trait on a list or map: it must hold between min and max entries (-1 = unbounded).</summary>
public static class CountRule
{
    /// <summary>Checks an entry count. Returns null when it passes, otherwise what is wrong.</summary>
    public static string? Check(int count, long min, long max)
    {
        if (min >= 0 && count < min)
        {
            return "holds " + Items(count) + "; at least " + RuleText.Num(min) + " required";
        }

        if (max >= 0 && count > max)
        {
            return "holds " + Items(count) + "; at most " + RuleText.Num(max) + " allowed";
        }

        return null;
    }

    /// <summary>
    /// The <c>total-count</c> shape rule, counted across nested lists; the same check as <see cref="TotalCountRule.Check"/>.
    /// </summary>
    public static string? CheckTotal(int total, long limit, string what) => TotalCountRule.Check(total, limit, what);

    private static string Items(int count) => RuleText.Num(count) + (count == 1 ? " item" : " items");
}
