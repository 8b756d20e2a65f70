namespace CloudTrailSdk.Generator.Parsing;

/// <summary>
/// AWS writes patterns for Java's regex engine, which matches code points; .NET matches UTF-16 units. The one construct
/// that breaks is a supplementary-plane range written as surrogate pairs (<c>\uD800\uDC00-\uDBFF\uDFFF</c>), which .NET
/// reads as a reversed range and rejects. Allowing every surrogate unit is the closest .NET class to it.
/// </summary>
internal static class PatternTranslator
{
    private const string JavaSupplementaryRange = "\\uD800\\uDC00-\\uDBFF\\uDFFF";
    private const string DotNetSurrogates = "\\uD800-\\uDFFF";

    public static string ToDotNet(string pattern) => pattern.Replace(JavaSupplementaryRange, DotNetSurrogates);
}
