using System;
using System.Globalization;

namespace CloudTrailSdk.Runtime.Rules;

/// <summary>The <c>not-after</c> shape rule: a start time must not be after an end time. Equal times pass; a missing time passes.</summary>
public static class TimeOrderRule
{
    /// <summary>
    /// Checks that <paramref name="start"/> is not after <paramref name="end"/>. Returns null when it passes,
    /// otherwise both times in ISO-8601 UTC, e.g. <c>StartTime 2024-01-02T00:00:00Z is after EndTime 2024-01-01T00:00:00Z</c>.
    /// </summary>
    public static string? Check(DateTimeOffset? start, DateTimeOffset? end, string startName, string endName)
    {
        if (start is not { } s || end is not { } e || s <= e)
        {
            return null;
        }

        return startName + " " + Format(s) + " is after " + endName + " " + Format(e);
    }

    /// <summary>ISO-8601 in UTC; fractional seconds only when present.</summary>
    private static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
