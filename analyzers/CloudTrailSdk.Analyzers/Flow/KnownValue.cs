using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Analyzers.Flow;

/// <summary>
/// One value a member may receive, known at compile time: the constant, where to report it, and how it got there
/// (an arm of <c>?:</c>, a local's assignment, a field's initializer), which the message names.
/// </summary>
internal sealed class KnownValue
{
    public KnownValue(object value, IOperation reportAt, string? via)
    {
        Value = value;
        ReportAt = reportAt;
        Via = via;
    }

    public readonly object Value;

    /// <summary>The operation the diagnostic covers: the arm itself, or the use of a local or field.</summary>
    public readonly IOperation ReportAt;

    /// <summary>How the value reached the member, e.g. <c>when-false arm of ?:</c>; null when written in place.</summary>
    public readonly string? Via;

    /// <summary>The member's name as the message shows it, with the path the value took.</summary>
    public string Describe(string member) => Via is null ? member : member + " (" + Via + ")";
}
