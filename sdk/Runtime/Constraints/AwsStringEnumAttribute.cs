using System;
using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Constraints;

/// <summary>
/// Marks a generated string-backed enum and lists the values the model knew. Values outside the list are kept
/// (AWS adds values over time), so analyzers warn rather than fail on them.
/// </summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsStringEnumAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public AwsStringEnumAttribute(params string[] knownValues) => KnownValues = knownValues;

    /// <summary>The values known when the SDK was generated.</summary>
    public string[] KnownValues { get; }
}
