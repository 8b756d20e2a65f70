using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Constraints;

/// <summary>A number must lie in [Min, Max]. Unset bounds are NaN, because every double is a legal bound.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsRangeAttribute : AwsConstraintAttribute
{
    /// <summary>Inclusive lower bound, or NaN.</summary>
    public double Min { get; set; } = double.NaN;

    /// <summary>Inclusive upper bound, or NaN.</summary>
    public double Max { get; set; } = double.NaN;
}
