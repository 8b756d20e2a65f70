using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Messages are filled in by the caller with the specifics.</summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "CloudTrailSdk.Generator";

    public static readonly DiagnosticDescriptor MalformedJson = Error("CTGEN001", "Malformed model JSON");
    public static readonly DiagnosticDescriptor MissingMetadata = Error("CTGEN002", "Model metadata is missing or incomplete");
    public static readonly DiagnosticDescriptor UnsupportedProtocol = Error("CTGEN003", "Unsupported protocol");
    public static readonly DiagnosticDescriptor UnknownShape = Error("CTGEN004", "Unknown shape reference");
    public static readonly DiagnosticDescriptor InvalidShape = Error("CTGEN005", "Invalid shape definition");
    public static readonly DiagnosticDescriptor RecursiveShape = Error("CTGEN006", "Shape cannot be represented: it contains itself without a structure in between");
    public static readonly DiagnosticDescriptor NameClash = Error("CTGEN007", "Generated names clash");
    public static readonly DiagnosticDescriptor InvalidCustomization = Error("CTGEN008", "Invalid customizations file");
    public static readonly DiagnosticDescriptor InvalidPaginator = Error("CTGEN009", "Invalid paginators file");
    public static readonly DiagnosticDescriptor ModelFileSetup = Error("CTGEN010", "Model files are not set up correctly");
    public static readonly DiagnosticDescriptor UnreadableFile = Error("CTGEN011", "Model file could not be read");
    public static readonly DiagnosticDescriptor InvalidPattern = Warning("CTGEN012", "Pattern is not a valid .NET regular expression");
    public static readonly DiagnosticDescriptor UnsupportedFeature = Info("CTGEN013", "Model feature not supported; part of the model was skipped");
    public static readonly DiagnosticDescriptor InternalError = Error("CTGEN099", "The generator failed unexpectedly");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = Index(
        MalformedJson, MissingMetadata, UnsupportedProtocol, UnknownShape, InvalidShape, RecursiveShape, NameClash,
        InvalidCustomization, InvalidPaginator, ModelFileSetup, UnreadableFile, InvalidPattern, UnsupportedFeature, InternalError);

    public static DiagnosticDescriptor ById(string id) => All.TryGetValue(id, out var d) ? d : InternalError;

    private static DiagnosticDescriptor Error(string id, string title) => Create(id, title, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title) => Create(id, title, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Info(string id, string title) => Create(id, title, DiagnosticSeverity.Info);

    private static DiagnosticDescriptor Create(string id, string title, DiagnosticSeverity severity) =>
        new(id, title, "{0}", Category, severity, isEnabledByDefault: true,
            helpLinkUri: "https://github.com/cloudtrailsdk/cloudtrailsdk/blob/main/docs/diagnostics/" + id + ".md");

    private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var map = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var d in descriptors)
        {
            map[d.Id] = d;
        }

        return map;
    }
}
