using System;

namespace CloudTrailSdk.Runtime.Serialization;

/// <summary>A JSON body did not have the shape the model says: what was expected, for which member, and where.</summary>
public sealed class AwsJsonException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public AwsJsonException(string message, long byteOffset)
        : base(message + " (at byte " + byteOffset.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")")
    {
        ByteOffset = byteOffset;
    }

    /// <summary>Where in the body the problem is.</summary>
    public long ByteOffset { get; }
}
