using System;
using System.Text;

namespace CloudTrailSdk.Runtime.Rules;

/// <summary>
/// A length limit where some characters count twice (CloudTrail's rule for, e.g., advanced event selector field
/// values). Counted in Unicode code points, for consistency with <see cref="LengthRule"/>: a surrogate pair counts
/// once (twice when it is one of the doubled characters). For the ASCII characters CloudTrail doubles this agrees with
/// a UTF-16 count; it differs only for characters outside the Basic Multilingual Plane.
/// </summary>
public static class WeightedLengthRule
{
    /// <summary>The weighted length: each code point in <paramref name="doubled"/> counts 2, every other code point 1.</summary>
    public static int Measure(string value, string doubled)
    {
        var total = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            bool isDoubled;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                isDoubled = doubled.IndexOf(value.Substring(i, 2), StringComparison.Ordinal) >= 0;
                i++;
            }
            else
            {
                isDoubled = doubled.IndexOf(c) >= 0;
            }

            total += isDoubled ? 2 : 1;
        }

        return total;
    }

    /// <summary>
    /// Checks that the weighted length of <paramref name="value"/> is at most <paramref name="max"/> (a negative max
    /// means unbounded). Returns null when it passes, otherwise the weighted count and what counts twice.
    /// </summary>
    public static string? Check(string value, int max, string doubled)
    {
        if (max < 0 || value.Length <= max / 2)
        {
            // Nothing weighs more than 2, so a value of at most max/2 chars passes without measuring.
            return null;
        }

        var weighted = Measure(value, doubled);
        if (weighted <= max)
        {
            return null;
        }

        return "weighted length " + RuleText.Num(weighted) + " exceeds " + RuleText.Num(max) + Explain(doubled);
    }

    private static string Explain(string doubled)
    {
        if (doubled.Length == 0)
        {
            return string.Empty;
        }

        var names = new System.Collections.Generic.List<string>();
        for (var i = 0; i < doubled.Length; i++)
        {
            names.Add(Name(doubled, i));
            if (char.IsHighSurrogate(doubled[i]) && i + 1 < doubled.Length && char.IsLowSurrogate(doubled[i + 1]))
            {
                i++;
            }
        }

        var text = new StringBuilder(" (");
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                text.Append(i == names.Count - 1 ? " and " : ", ");
            }

            text.Append(names[i]);
        }

        return text.Append(names.Count == 1 ? " counts as two)" : " count as two)").ToString();
    }

    private static string Name(string doubled, int index) => doubled[index] switch
    {
        '\n' => "newline",
        '\r' => "carriage return",
        '\t' => "tab",
        _ => RuleText.DescribeAt(doubled, index),
    };
}
