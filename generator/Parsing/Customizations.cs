using System;
using System.Collections.Generic;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>The customizations file, read and checked against the model, keyed for the structure builder.</summary>
internal sealed class Customizations
{
    public static readonly Customizations None = new();

    /// <summary>Rules per <c>Shape$Member</c>.</summary>
    public Dictionary<string, List<ConstraintSpec>> MemberRules { get; } = new(StringComparer.Ordinal);

    /// <summary>The error code for a member's model constraints, per <c>Shape$Member</c>.</summary>
    public Dictionary<string, string> MemberErrorCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Cross-member rules per structure shape.</summary>
    public Dictionary<string, List<ShapeRuleSpec>> ShapeRules { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests per second, per operation name.</summary>
    public Dictionary<string, double> OperationRateLimits { get; } = new(StringComparer.Ordinal);

    /// <summary>The same limits, keyed by the operation's input shape, so the request type can carry them.</summary>
    public Dictionary<string, double> InputRateLimits { get; } = new(StringComparer.Ordinal);
}
