using System.Collections.Generic;
using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Validation;

/// <summary>
/// Gathers every issue of one validation pass. Generated validators report into it instead of throwing, so a caller
/// sees all violations at once. Allocates nothing while the value is valid.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValidationCollector
{
    /// <summary>The error code used when the model names none for a constraint.</summary>
    public const string DefaultErrorCode = "ValidationException";

    private List<ValidationIssue>? _issues;

    /// <summary>
    /// Whether values of string-backed enums must be known ones. Off for clients, because AWS adds values and an older
    /// SDK must keep working; on for a server, which knows exactly what it accepts.
    /// </summary>
    public bool CheckEnumValues { get; init; }

    /// <summary>True while nothing has been reported.</summary>
    public bool IsValid => _issues is null;

    /// <summary>The issues so far, in the order found.</summary>
    public IReadOnlyList<ValidationIssue> Issues => (IReadOnlyList<ValidationIssue>?)_issues ?? System.Array.Empty<ValidationIssue>();

    /// <summary>Records a broken constraint. A null message means the rule passed and nothing is recorded.</summary>
    public void Report(string path, string rule, string? message, string? errorCode = null)
    {
        if (message is null)
        {
            return;
        }

        (_issues ??= new List<ValidationIssue>()).Add(new ValidationIssue(path, rule, message, errorCode ?? DefaultErrorCode));
    }

    /// <summary>Throws <see cref="AwsValidationException"/> when anything was reported.</summary>
    public void ThrowIfInvalid(string operation)
    {
        if (_issues is not null)
        {
            throw new AwsValidationException(operation, _issues);
        }
    }
}
