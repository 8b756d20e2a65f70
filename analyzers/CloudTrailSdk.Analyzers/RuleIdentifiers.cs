namespace CloudTrailSdk.Analyzers;

/// <summary>
/// The diagnostic IDs. Internal and linked as source into the code fixes (a separate assembly, because they need
/// Workspaces), so the two assemblies never expose the same public type.
/// </summary>
internal static class RuleIdentifiers
{
    /// <summary>A value breaks a named rule the service states only in prose (e.g. a trail name or trail ARN).</summary>
    public const string NamedRule = "CTSDK001";

    /// <summary>A weighted length is over its limit.</summary>
    public const string WeightedLength = "CTSDK002";

    /// <summary>A list or map holds too many (or too few) items.</summary>
    public const string Count = "CTSDK003";

    /// <summary>A string's length is out of range.</summary>
    public const string Length = "CTSDK004";

    /// <summary>A number is out of range.</summary>
    public const string Range = "CTSDK005";

    /// <summary>A string does not match the model's pattern.</summary>
    public const string Pattern = "CTSDK006";

    /// <summary>A string-backed enum holds a value the model does not list.</summary>
    public const string UnknownEnumValue = "CTSDK007";

    /// <summary>A string is outside a closed set of allowed values.</summary>
    public const string AllowedValues = "CTSDK008";

    /// <summary>Two members that exclude each other are both set.</summary>
    public const string MutuallyExclusive = "CTSDK009";

    /// <summary>A start time is after the end time.</summary>
    public const string TimeOrder = "CTSDK010";

    /// <summary>A value is not allowed while another member holds a given value.</summary>
    public const string AllowedWhen = "CTSDK011";

    /// <summary>
    /// The documentation page of <paramref name="id"/> (Meziantou's RuleIdentifiers.GetHelpUri is the model): the base
    /// URL the build stamped into the assembly (MSBuild property <c>CloudTrailSdkDiagnosticsHelpBase</c>, by default
    /// from <c>RepositoryUrl</c>) plus <c>ID.md</c>.
    /// </summary>
    public static string GetHelpUri(string id) => HelpBase + id + ".md";

    /// <summary>The base URL of the rule pages, ending in '/'; empty when the assembly carries none.</summary>
    public static string HelpBase { get; } = ReadHelpBase();

    private static string ReadHelpBase()
    {
        foreach (var attribute in typeof(RuleIdentifiers).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), inherit: false))
        {
            if (attribute is System.Reflection.AssemblyMetadataAttribute { Key: "CloudTrailSdk.DiagnosticsHelpBase", Value: { Length: > 0 } value })
            {
                return value.EndsWith("/", System.StringComparison.Ordinal) ? value : value + "/";
            }
        }

        return string.Empty;
    }
}
