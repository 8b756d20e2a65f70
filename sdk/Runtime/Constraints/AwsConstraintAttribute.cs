using System;
using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Constraints;

/// <summary>
/// Base of the constraint attributes the generator stamps on generated members. Analyzers read them from symbols
/// (so they work against a compiled package), and they document the model's limits for readers of the API.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = true, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class AwsConstraintAttribute : Attribute
{
    /// <summary>When true the constraint applies to each element of a list (or each value of a map), not to the collection.</summary>
    public bool AppliesToItems { get; set; }

    /// <summary>The error code a service answers when this constraint is broken (e.g. <c>InvalidTrailNameException</c>).</summary>
    public string? ErrorCode { get; set; }
}
