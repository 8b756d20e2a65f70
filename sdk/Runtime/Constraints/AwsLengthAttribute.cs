using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Constraints;

/// <summary>A string's length in Unicode code points, or a blob's length in bytes, must lie in [Min, Max].</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsLengthAttribute : AwsConstraintAttribute
{
    /// <summary>Inclusive lower bound; -1 when the model sets none.</summary>
    public long Min { get; set; } = -1;

    /// <summary>Inclusive upper bound; -1 when the model sets none.</summary>
    public long Max { get; set; } = -1;
}
