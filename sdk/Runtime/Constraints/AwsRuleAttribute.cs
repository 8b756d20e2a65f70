namespace CloudTrailSdk.Runtime.Constraints;

/// <summary>
/// A named rule that AWS states only in prose (e.g. <c>trail-name</c>, <c>trail-name-or-arn</c>), checked by
/// <see cref="CloudTrailSdk.Rules.NamedRules"/>. Unknown rule names are ignored, so older analyzers keep working.
/// </summary>
public sealed class AwsRuleAttribute : AwsConstraintAttribute
{
    /// <summary>Creates the constraint.</summary>
    public AwsRuleAttribute(string rule) => Rule = rule;

    /// <summary>The rule's name.</summary>
    public string Rule { get; }
}
