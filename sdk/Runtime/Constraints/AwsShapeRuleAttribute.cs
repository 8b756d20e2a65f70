using System;
using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Constraints;

/// <summary>
/// A rule across members of one shape, e.g. <c>not-after</c> (StartTime, EndTime), <c>mutually-exclusive</c>, or
/// <c>total-count</c> over a member path. Arguments are member names or paths, in the rule's own order.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsShapeRuleAttribute : Attribute
{
    /// <summary>Creates the rule.</summary>
    public AwsShapeRuleAttribute(string rule, params string[] arguments)
    {
        Rule = rule;
        Arguments = arguments;
    }

    /// <summary>The rule's name.</summary>
    public string Rule { get; }

    /// <summary>The rule's arguments.</summary>
    public string[] Arguments { get; }

    /// <summary>A numeric limit, where the rule has one; -1 otherwise.</summary>
    public long Limit { get; set; } = -1;

    /// <summary>The error code a service answers when the rule is broken.</summary>
    public string? ErrorCode { get; set; }
}
