using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Constraints;

/// <summary>A string's weighted length must not exceed Max, where each of <see cref="DoubledCharacters"/> counts twice.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsWeightedLengthAttribute : AwsConstraintAttribute
{
    /// <summary>Creates the constraint.</summary>
    public AwsWeightedLengthAttribute(int max, string doubledCharacters)
    {
        Max = max;
        DoubledCharacters = doubledCharacters;
    }

    /// <summary>Inclusive upper bound of the weighted length.</summary>
    public int Max { get; }

    /// <summary>Characters that count as two.</summary>
    public string DoubledCharacters { get; }
}
