using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CloudTrailSdk.Generator.Input;

/// <summary>
/// Picks model files out of AdditionalFiles by item metadata. Files are chosen by metadata, never by extension,
/// because a project's other JSON (appsettings.json, say) is none of the generator's business.
/// </summary>
internal static class ModelFileSelector
{
    public const string KindMetadata = "build_metadata.AdditionalFiles.AwsModel";
    public const string IdMetadata = "build_metadata.AdditionalFiles.AwsModelId";
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.AwsNamespace";
    public const string ClientNameMetadata = "build_metadata.AdditionalFiles.AwsClientName";
    public const string EmitMetadata = "build_metadata.AdditionalFiles.AwsEmit";

    public static ModelFile? Select(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        if (!options.TryGetValue(KindMetadata, out var kindText) || string.IsNullOrWhiteSpace(kindText))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString();
        var kind = ParseKind(kindText);
        options.TryGetValue(IdMetadata, out var id);
        return new ModelFile(
            file.Path,
            text ?? string.Empty,
            kind ?? ModelFileKind.Service,
            string.IsNullOrWhiteSpace(id) ? string.Empty : id!.Trim(),
            Optional(options, NamespaceMetadata),
            Optional(options, ClientNameMetadata),
            Optional(options, EmitMetadata),
            kind is null
                ? "AwsModel metadata is '" + kindText!.Trim() + "'; expected 'service', 'paginators' or 'customizations'"
                : text is null ? "the file could not be read" : null);
    }

    private static ModelFileKind? ParseKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "service" => ModelFileKind.Service,
        "paginators" => ModelFileKind.Paginators,
        "customizations" => ModelFileKind.Customizations,
        _ => null,
    };

    private static string? Optional(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
