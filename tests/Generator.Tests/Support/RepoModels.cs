using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CloudTrailSdk.Generator.Tests.Support;

/// <summary>The repository's own CloudTrail model files, wired exactly as sdk/CloudTrail/CloudTrailSdk.csproj wires them.</summary>
internal static class RepoModels
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string ModelDirectory => Path.Combine(Root, "model", "cloudtrail");

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

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudTrailSdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new Xunit.Sdk.XunitException("Could not find CloudTrailSdk.sln above " + AppContext.BaseDirectory);
    }
}
