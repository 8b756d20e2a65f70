namespace CloudTrailSdk.Analyzers.CodeFixes;

/// <summary>
/// Equivalence keys: one per rule, so that Fix All applies every fix of a rule in its scope. A key must not carry
/// anything that varies between diagnostics of one rule (such as the replacement value).
/// </summary>
internal static class EquivalenceKeys
{
    public static string For(string diagnosticId) => "CloudTrailSdk." + diagnosticId;
}
