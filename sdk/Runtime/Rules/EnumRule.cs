using System;

namespace CloudTrailSdk.Runtime.Rules;

/// <summary>
/// The model's <c>enum</c> trait. A warning-level rule: AWS adds values over time, so a value outside the known list
/// may still be accepted by the service. Comparison is ordinal (the service is case-sensitive).
/// </summary>
public static class EnumRule
{
    /// <summary>
    /// Checks <paramref name="value"/> against <paramref name="known"/>. Returns null when it is known (or when no
    /// values are known, so nothing can be judged), otherwise what is wrong.
    /// </summary>
    public static string? Check(string value, string[] known)
    {
        if (known.Length == 0 || Array.IndexOf(known, value) >= 0)
        {
            return null;
        }

        return RuleText.Quote(value) + " is not a known value; known values: " + RuleText.List(known);
    }

    /// <summary>
    /// The known value nearest to <paramref name="value"/> by case-insensitive edit (Levenshtein) distance; ties go
    /// to the first in <paramref name="known"/>. Null when <paramref name="known"/> is empty. Used by a code fix.
    /// </summary>
    public static string? Closest(string value, string[] known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var upper = value.ToUpperInvariant();
        foreach (var candidate in known)
        {
            var distance = Distance(upper, candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
