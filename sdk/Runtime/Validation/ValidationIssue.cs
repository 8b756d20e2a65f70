namespace CloudTrailSdk;

/// <summary>One broken constraint: where (a member path such as <c>LookupAttributes[0].AttributeValue</c>), which rule, and why.</summary>
/// <param name="Path">Member path from the request's root.</param>
/// <param name="Rule">The rule that failed: <c>required</c>, <c>length</c>, <c>range</c>, <c>pattern</c>, <c>enum</c>, <c>count</c>, or a named rule.</param>
/// <param name="Message">What is wrong, in words.</param>
/// <param name="ErrorCode">The error code the service would answer with.</param>
public sealed record ValidationIssue(string Path, string Rule, string Message, string ErrorCode)
{
    /// <summary>
    /// <c>Path: Message</c>. A message that already starts with the member's name (shape rules such as
    /// <c>StartTime … is after EndTime …</c>) is shown under the path's prefix instead, so the member is not named twice.
    /// </summary>
    public override string ToString()
    {
        if (Path.Length == 0)
        {
            return $"{Rule}: {Message}";
        }

        var leaf = Path[(Path.LastIndexOf('.') + 1)..];
        return Message.StartsWith(leaf + " ", System.StringComparison.Ordinal) ? Path[..^leaf.Length] + Message : $"{Path}: {Message}";
    }
}
