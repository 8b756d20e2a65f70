namespace CloudTrailSdk.Analyzers;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>. The analyzer computes a fix's replacement with
/// the shared rule code and hands it over here, so the code fix assembly needs no rule code of its own (it links this file).
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>The value a code fix should put in place of the offending constant.</summary>
    public const string Replacement = "Replacement";

    /// <summary>
    /// The name of the other member a shape rule ties the reported one to (e.g. the end of a time window). A fix finds
    /// that member by name in the same initializer, so it does not depend on the host keeping additional locations.
    /// </summary>
    public const string OtherMember = "OtherMember";
}
