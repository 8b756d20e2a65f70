namespace CloudTrailSdk.Runtime.Rules;

/// <summary>
/// The model's <c>length</c> trait: a string's length in Unicode code points (a surrogate pair counts once, as AWS
/// counts), or a blob's length in bytes, must lie in [min, max]. A bound of -1 means unbounded.
/// </summary>
public static class LengthRule
{
    /// <summary>Checks a string's length in code points. Returns null when it passes, otherwise what is wrong.</summary>
    public static string? Check(string value, long min, long max)
    {
        // Fast path: the code point count lies in [Length / 2, Length], so most values need no counting.
        var length = value.Length;
        if ((min < 0 || (length + 1) / 2 >= min) && (max < 0 || length <= max))
        {
            return null;
        }

        return Describe(CodePointCount(value), min, max, string.Empty);
    }

    /// <summary>Checks a blob's length in bytes. Returns null when it passes, otherwise what is wrong.</summary>
    public static string? CheckBytes(int byteCount, long min, long max) => Describe(byteCount, min, max, " bytes");

    /// <summary>
    /// The number of Unicode code points in <paramref name="value"/>: a high surrogate followed by a low surrogate
    /// counts once; a lone surrogate counts as one (it is what the service would see).
    /// </summary>
    public static int CodePointCount(string value)
    {
        var count = value.Length;
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    private static string? Describe(long length, long min, long max, string unit)
    {
        if (min >= 0 && length < min)
        {
            return "length " + RuleText.Num(length) + unit + " is below the minimum of " + RuleText.Num(min) + unit;
        }

        if (max >= 0 && length > max)
        {
            return "length " + RuleText.Num(length) + unit + " is above the maximum of " + RuleText.Num(max) + unit;
        }

        return null;
    }
}
