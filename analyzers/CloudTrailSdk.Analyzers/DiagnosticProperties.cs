namespace CloudTrailSdk.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>. The analyzer computes a fix's replacement with
/// the shared rule code and hands it over here, so the code fix assembly needs no rule code of its own (it links this file).
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>The value a code fix should put in place of the offending constant.</summary>
    public const string Replacement = "Replacement";
}
