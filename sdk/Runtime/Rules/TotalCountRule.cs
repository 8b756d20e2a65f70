namespace CloudTrailSdk.Runtime.Rules;

/// <summary>
/// The <c>total-count</c> shape rule: entries counted across several lists (e.g. data resources over all event
/// selectors) must not exceed a limit (-1 = unbounded).
/// </summary>
public static class TotalCountRule
{
    /// <summary>
    /// Checks <paramref name="total"/> against <paramref name="limit"/>; <paramref name="what"/> names what is counted,
    /// in words or as a member path (e.g. <c>data resources</c>, <c>EventSelectors[].DataResources[].Values[]</c>).
    /// Returns null when it passes, otherwise e.g. <c>251 in total for data resources; at most 250 allowed</c>.
    /// </summary>
    public static string? Check(int total, long limit, string what) =>
        limit >= 0 && total > limit
            ? RuleText.Num(total) + " in total for " + what + "; at most " + RuleText.Num(limit) + " allowed"
            : null;
}
