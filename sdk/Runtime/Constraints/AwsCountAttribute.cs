using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Constraints;

/// <summary>A list or map must hold between Min and Max entries.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsCountAttribute : AwsConstraintAttribute
{
    /// <summary>Inclusive lower bound; -1 when none.</summary>
    public long Min { get; set; } = -1;

    /// <summary>Inclusive upper bound; -1 when none.</summary>
    public long Max { get; set; } = -1;
}
