using System;

namespace CloudTrailSdk.Rules;

/// <summary>
/// CloudTrail's named rules (the rules AWS states only in prose), by the names <c>model/cloudtrail/customizations.json</c>
/// declares in its <c>namedRules</c> section and the generator stamps on members as <c>[AwsRule("...")]</c>. The
/// generated validators call the checker methods directly; the analyzers, which read only the rule's name, come through
/// here. Unknown names pass, so a model that knows a newer rule does not break an older analyzer.
/// </summary>
public static class NamedRules
{
    /// <summary>A trail name; an ARN is not accepted (<see cref="TrailNameRule.CheckName"/>).</summary>
    public const string TrailName = "trail-name";

    /// <summary>A trail name or a trail ARN (<see cref="TrailNameRule.CheckNameOrArn"/>).</summary>
    public const string TrailNameOrArn = "trail-name-or-arn";

    /// <summary>Every rule name this version knows.</summary>
    public static string[] Names => new[] { TrailName, TrailNameOrArn };

    /// <summary>Whether <paramref name="rule"/> is a rule this version knows (ordinal).</summary>
    public static bool IsKnown(string rule) => Array.IndexOf(Names, rule) >= 0;

    /// <summary>Checks <paramref name="value"/> against the rule named <paramref name="rule"/>. Null when it passes or the rule is unknown.</summary>
    public static string? Check(string rule, string value) => rule switch
    {
        TrailName => TrailNameRule.CheckName(value),
        TrailNameOrArn => TrailNameRule.CheckNameOrArn(value),
        _ => null,
    };

    /// <summary>A valid value close to <paramref name="value"/> for a code fix, where the rule has a suggester; else null.</summary>
    public static string? Suggest(string rule, string value) =>
        rule is TrailName or TrailNameOrArn ? TrailNameRule.Suggest(value) : null;
}
