using System;
using System.Collections.Generic;
using System.Text;

namespace CloudTrailSdk;

/// <summary>
/// A request broke the model's constraints; nothing was sent. <see cref="Issues"/> lists every violation;
/// <see cref="ArgumentException.ParamName"/> is the member path of the first.
/// </summary>
public sealed class AwsValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public AwsValidationException(string operation, IReadOnlyList<ValidationIssue> issues)
        : base(Describe(operation, issues), issues is { Count: > 0 } ? issues[0].Path : null)
    {
        Operation = operation;
        Issues = issues;
    }

    /// <summary>The description of every issue (without the <c>(Parameter '…')</c> suffix ArgumentException would add: each issue names its member).</summary>
    public override string Message => _message ??= Describe(Operation, Issues);

    private string? _message;

    /// <summary>The operation whose request was invalid.</summary>
    public string Operation { get; }

    /// <summary>Every violation found, in member order.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    private static string Describe(string operation, IReadOnlyList<ValidationIssue> issues)
    {
        var text = new StringBuilder();
        text.Append(operation).Append(" request is invalid (").Append(issues.Count).Append(issues.Count == 1 ? " issue)" : " issues)");
        foreach (var issue in issues)
        {
            text.Append("\n  - ").Append(issue.ToString());
        }

        return text.ToString();
    }
}
