using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Constraints;

/// <summary>A string must be one of a closed set of values (ordinal comparison).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsAllowedValuesAttribute : AwsConstraintAttribute
{
    /// <summary>Creates the constraint.</summary>
    public AwsAllowedValuesAttribute(params string[] values) => Values = values;

    /// <summary>The allowed values.</summary>
    public string[] Values { get; }
}
