using System;

namespace CloudTrailSdk.Runtime.Rules;

/// <summary>
/// The <c>allowed-values-when</c> shape rule: while one member holds a given value, another member (or a member of
/// each item of a list) may only hold one of a closed set. E.g. an insight lookup may filter only by some keys.
/// </summary>
public static class AllowedValuesWhenRule
{
    /// <summary>The rule's name in customizations and on <c>AwsShapeRule</c>.</summary>
    public const string Name = "allowed-values-when";

    /// <summary>Whether the rule is in force: the condition member's value equals <paramref name="when"/> (ordinal).</summary>
    public static bool Applies(object? condition, string when) => string.Equals(Text(condition), when, StringComparison.Ordinal);

    /// <summary>
    /// Checks <paramref name="value"/>, given that <paramref name="conditionMember"/> is <paramref name="when"/>.
    /// Returns null when it is in <paramref name="allowed"/> (or absent), otherwise what is wrong, naming the value.
    /// </summary>
    public static string? Check(object? value, string[] allowed, string conditionMember, string when)
    {
        if (Text(value) is not { } text || Array.IndexOf(allowed, text) >= 0)
        {
            return null;
        }

        return RuleText.Quote(text) + " is not allowed when " + conditionMember + " is " + RuleText.Quote(when)
            + "; allowed values: " + RuleText.List(allowed);
    }

    /// <summary>A string, or a string-backed enum (its <c>ToString</c> is its wire value); null when absent.</summary>
    private static string? Text(object? value) => value?.ToString();
}
