using System;

namespace CloudTrailSdk.Runtime.Rules;

/// <summary>A closed set of values (ordinal comparison). Unlike <see cref="EnumRule"/>, a value outside the set is an error.</summary>
public static class AllowedValuesRule
{
    /// <summary>Checks <paramref name="value"/>. Returns null when it is in <paramref name="allowed"/>, otherwise what is wrong.</summary>
    public static string? Check(string value, string[] allowed) =>
        Array.IndexOf(allowed, value) >= 0
            ? null
            : RuleText.Quote(value) + " is not an allowed value; allowed values: "
                + (allowed.Length == 0 ? "(none)" : RuleText.List(allowed));
}
