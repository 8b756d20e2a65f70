using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using CloudTrailSdk.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// Everything the scenarios share: the CloudTrail model files as in-memory AdditionalTexts carrying the same item
/// metadata sdk/CloudTrail/CloudTrailSdk.csproj gives them, a small compilation plus an unrelated edit of it, and a
/// service-2.json variant in which one shape changed.
/// </summary>
public sealed class GeneratorHarness
{
    private const string KindKey = "build_metadata.AdditionalFiles.AwsModel";
    private const string IdKey = "build_metadata.AdditionalFiles.AwsModelId";
    private const string NamespaceKey = "build_metadata.AdditionalFiles.AwsNamespace";
    private const string ClientNameKey = "build_metadata.AdditionalFiles.AwsClientName";

    /// <summary>Builds the inputs from the model files under the repository root.</summary>
    public GeneratorHarness()
    {
        RepoRoot = RepoPaths.Root;
        var modelDir = Path.Combine(RepoRoot, "model", "cloudtrail");
        var servicePath = Path.Combine(modelDir, "2013-11-01", "service-2.json");
        var paginatorsPath = Path.Combine(modelDir, "2013-11-01", "paginators-1.json");
        var customizationsPath = Path.Combine(modelDir, "customizations.json");

        var serviceJson = File.ReadAllText(servicePath);
        Service = new InMemoryAdditionalText(servicePath, serviceJson);
        ServiceEdited = new InMemoryAdditionalText(servicePath, EditOneShape(serviceJson));
        AdditionalTexts = ImmutableArray.Create<AdditionalText>(
            Service,
            new InMemoryAdditionalText(paginatorsPath, File.ReadAllText(paginatorsPath)),
            new InMemoryAdditionalText(customizationsPath, File.ReadAllText(customizationsPath)));

        OptionsProvider = new ItemMetadataOptions(new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            [servicePath] = new Dictionary<string, string>
            {
                [KindKey] = "service",
                [IdKey] = "cloudtrail",
                [NamespaceKey] = "CloudTrailSdk",
                [ClientNameKey] = "CloudTrail",
            },
            [paginatorsPath] = new Dictionary<string, string> { [KindKey] = "paginators", [IdKey] = "cloudtrail" },
            [customizationsPath] = new Dictionary<string, string> { [KindKey] = "customizations", [IdKey] = "cloudtrail" },
        });

        ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var references = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(CloudTrailSdk.Runtime.AwsJsonClient).Assembly.Location)
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();

        OriginalTree = CSharpSyntaxTree.ParseText(
            "namespace Bench { public static class Marker { public static int Value => 1; } }", ParseOptions, "Marker.cs");
        Compilation = CSharpCompilation.Create(
            "GeneratorBench",
            new[] { OriginalTree },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var editedTree = CSharpSyntaxTree.ParseText(
            "namespace Bench { public static class Marker { public static int Value => 2; } }", ParseOptions, "Marker.cs");
        EditedCompilation = Compilation.ReplaceSyntaxTree(OriginalTree, editedTree);
    }

    /// <summary>The directory holding CloudTrailSdk.sln.</summary>
    public string RepoRoot { get; }

    /// <summary>service-2.json as it is on disk.</summary>
    public AdditionalText Service { get; }

    /// <summary>service-2.json with the MaxResults shape's max changed from 50 to 49.</summary>
    public AdditionalText ServiceEdited { get; }

    /// <summary>service-2.json, paginators-1.json and customizations.json.</summary>
    public ImmutableArray<AdditionalText> AdditionalTexts { get; }

    /// <summary>Supplies the AdditionalFiles item metadata, keyed by path.</summary>
    public AnalyzerConfigOptionsProvider OptionsProvider { get; }

    /// <summary>The parse options of the compilation and the driver.</summary>
    public CSharpParseOptions ParseOptions { get; }

    /// <summary>The single syntax tree of <see cref="Compilation"/>.</summary>
    public SyntaxTree OriginalTree { get; }

    /// <summary>A one-tree compilation referencing the trusted platform assemblies and the runtime.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary><see cref="Compilation"/> with its syntax tree replaced by an edit the generator does not read.</summary>
    public CSharpCompilation EditedCompilation { get; }

    /// <summary>A fresh driver over the model files; nothing has run yet.</summary>
    public GeneratorDriver CreateDriver(bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            new[] { new ServiceModelGenerator().AsSourceGenerator() },
            AdditionalTexts,
            ParseOptions,
            OptionsProvider,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));


    private static string EditOneShape(string json)
    {
        var pattern = new Regex("(\"MaxResults\"\\s*:\\s*\\{\\s*\"type\"\\s*:\\s*\"integer\"\\s*,\\s*\"max\"\\s*:\\s*)50\\b", RegexOptions.CultureInvariant);
        var edited = pattern.Replace(json, "${1}49", 1);
        if (string.Equals(edited, json, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("service-2.json no longer has a MaxResults shape with \"max\": 50 to edit.");
        }

        return edited;
    }

}
