using System;

namespace CloudTrailSdk.Rules;

/// <summary>
/// Dispatches the named rules AWS states only in prose (the model's <c>AwsRule</c> names). Unknown names pass, so a
/// model or SDK that knows a newer rule does not break an older analyzer or runtime.
/// </summary>
public static class NamedRules
{
    /// <summary>A trail name; an ARN is not accepted.</summary>
    public const string TrailName = "trail-name";

    /// <summary>A trail name or a trail ARN.</summary>
    public const string TrailNameOrArn = "trail-name-or-arn";

    /// <summary>Whether <paramref name="rule"/> is a rule this version knows (ordinal).</summary>
    public static bool IsKnown(string rule) =>
        string.Equals(rule, TrailName, StringComparison.Ordinal) || string.Equals(rule, TrailNameOrArn, StringComparison.Ordinal);

    /// <summary>Checks <paramref name="value"/> against the rule named <paramref name="rule"/>. Null when it passes or the rule is unknown.</summary>
    public static string? Check(string rule, string value) => rule switch
    {
        TrailName => TrailNameRule.Check(value, allowArn: false),
        TrailNameOrArn => TrailNameRule.Check(value, allowArn: true),
        _ => null,
    };
}
