using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Constraints;

/// <summary>
/// A named rule that AWS states only in prose, as the customizations file's <c>namedRules</c> section declares it; the
/// service's SDK holds the code that checks it. Unknown rule names are ignored, so older analyzers keep working.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsRuleAttribute : AwsConstraintAttribute
{
    /// <summary>Creates the constraint.</summary>
    public AwsRuleAttribute(string rule) => Rule = rule;

    /// <summary>The rule's name.</summary>
    public string Rule { get; }
}
