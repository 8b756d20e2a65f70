using System;

namespace CloudTrailSdk.Fake;

/// <summary>The parts of a trail ARN (<c>arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME</c>).</summary>
internal readonly record struct TrailArn(string Region, string Account, string Name)
{
    public static string Format(string region, string account, string name) => "arn:aws:cloudtrail:" + region + ":" + account + ":trail/" + name;

    public static bool LooksLikeArn(string text) => text.StartsWith("arn:", StringComparison.Ordinal);

    public static bool TryParse(string text, out TrailArn arn)
    {
        arn = default;
        var parts = text.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "cloudtrail" || parts[3].Length == 0 || parts[4].Length == 0
            || !parts[5].StartsWith("trail/", StringComparison.Ordinal) || parts[5].Length == "trail/".Length)
        {
            return false;
        }

        arn = new TrailArn(parts[3], parts[4], parts[5].Substring("trail/".Length));
        return true;
    }
}
