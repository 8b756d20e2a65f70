using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CloudTrailSdk.Generator.Tests.Support;

/// <summary>The repository's own CloudTrail model files, wired exactly as sdk/CloudTrail/CloudTrailSdk.csproj wires them.</summary>
internal static class RepoModels
{
    public static string Root => RepoPaths.Root;

    public static string ModelDirectory => RepoPaths.CloudTrailModel;

    public static string ServicePath => Path.Combine(ModelDirectory, "2013-11-01", "service-2.json");

    public static string PaginatorsPath => Path.Combine(ModelDirectory, "2013-11-01", "paginators-1.json");

    public static string CustomizationsPath => Path.Combine(ModelDirectory, "customizations.json");

    public static IReadOnlyList<ModelSource> CloudTrail(string? serviceText = null) => new[]
    {
        ModelSource.Service(ServicePath, serviceText ?? File.ReadAllText(ServicePath), "cloudtrail", "CloudTrailSdk", "CloudTrail", "All"),
        ModelSource.Paginators(PaginatorsPath, File.ReadAllText(PaginatorsPath), "cloudtrail"),
        ModelSource.Customizations(CustomizationsPath, File.ReadAllText(CustomizationsPath), "cloudtrail"),
    };

    /// <summary>The hand-written sources sdk/CloudTrail compiles next to the generated code (the named rules' checkers).</summary>
    public static string[] HandWrittenSources() =>
        Directory.GetFiles(Path.Combine(Root, "sdk", "CloudTrail", "Rules"), "*.cs", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();

}
