using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Constraints;

/// <summary>A string must match the model's regular expression (not implicitly anchored, as in AWS models).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsPatternAttribute : AwsConstraintAttribute
{
    /// <summary>Creates the constraint.</summary>
    public AwsPatternAttribute(string pattern) => Pattern = pattern;

    /// <summary>The .NET-compatible regular expression.</summary>
    public string Pattern { get; }
}
