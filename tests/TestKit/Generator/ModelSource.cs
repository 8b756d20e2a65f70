using System.Collections.Generic;

namespace CloudTrailSdk.Testing;

/// <summary>One AdditionalFile with the item metadata that marks it as part of a model (Kind null = no metadata).</summary>
public sealed record ModelSource(
    string Path,
    string Text,
    string? Kind,
    string? ModelId = null,
    string? Namespace = null,
    string? ClientName = null,
    string? Emit = "All")
{
    /// <summary>A service-2.json.</summary>
    public static ModelSource Service(string path, string text, string modelId, string? ns = null, string? clientName = null, string? emit = "All") =>
        new(path, text, "service", modelId, ns, clientName, emit);

    /// <summary>A paginators-1.json.</summary>
    public static ModelSource Paginators(string path, string text, string modelId) => new(path, text, "paginators", modelId, Emit: null);

    /// <summary>A customizations.json.</summary>
    public static ModelSource Customizations(string path, string text, string modelId) => new(path, text, "customizations", modelId, Emit: null);

    /// <summary>The item metadata MSBuild would pass for this file, keyed as the compiler presents it to the generator.</summary>
    public IReadOnlyDictionary<string, string> Metadata()
    {
        var values = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                values["build_metadata.AdditionalFiles." + key] = value;
            }
        }

        Add("AwsModel", Kind);
        Add("AwsModelId", ModelId);
        Add("AwsNamespace", Namespace);
        Add("AwsClientName", ClientName);
        Add("AwsEmit", Kind is null ? null : Emit);
        return values;
    }
}
