using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Constraints;

/// <summary>The value the service assumes when the member is omitted. Documentation only: nothing is sent for it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsDefaultValueAttribute : AwsConstraintAttribute
{
    /// <summary>Creates the marker.</summary>
    public AwsDefaultValueAttribute(string value) => Value = value;

    /// <summary>The default, as the service would write it.</summary>
    public string Value { get; }
}
