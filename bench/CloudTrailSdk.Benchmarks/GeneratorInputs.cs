using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CloudTrailSdk.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// What the generator scenarios feed the test kit's <see cref="GeneratorHarness"/>: the CloudTrail model files with the
/// item metadata sdk/CloudTrail/CloudTrailSdk.csproj gives them, a small compilation plus an unrelated edit of it, and
/// a service-2.json variant in which one shape changed.
/// </summary>
public sealed class GeneratorInputs
{
    /// <summary>The one generator harness, as the benchmarks host it: the generator, bound to the client and server runtimes.</summary>
    public static readonly GeneratorHarness Harness = new(
        () => new ServiceModelGenerator(),
        typeof(CloudTrailSdk.Runtime.AwsJsonClient).Assembly,
        typeof(CloudTrailSdk.Runtime.Server.AwsServerDispatch).Assembly);

    /// <summary>Builds the inputs from the model files under the repository root.</summary>
    public GeneratorInputs()
    {
        RepoRoot = RepoPaths.Root;
        var modelDir = Path.Combine(RepoRoot, "model", "cloudtrail");
        var servicePath = Path.Combine(modelDir, "2013-11-01", "service-2.json");
        var paginatorsPath = Path.Combine(modelDir, "2013-11-01", "paginators-1.json");
        var customizationsPath = Path.Combine(modelDir, "customizations.json");

        var serviceJson = File.ReadAllText(servicePath);
        var models = new[]
        {
            ModelSource.Service(servicePath, serviceJson, "cloudtrail", "CloudTrailSdk", "CloudTrail", emit: null),
            ModelSource.Paginators(paginatorsPath, File.ReadAllText(paginatorsPath), "cloudtrail"),
            ModelSource.Customizations(customizationsPath, File.ReadAllText(customizationsPath), "cloudtrail"),
        };
        Options = new ItemMetadataOptions(models.ToDictionary(m => m.Path, m => m.Metadata(), StringComparer.Ordinal));
        Service = new InMemoryAdditionalText(servicePath, serviceJson);
        ServiceEdited = new InMemoryAdditionalText(servicePath, EditOneShape(serviceJson));
        AdditionalTexts = ImmutableArray.Create<AdditionalText>(
            Service,
            new InMemoryAdditionalText(paginatorsPath, models[1].Text),
            new InMemoryAdditionalText(customizationsPath, models[2].Text));

        Compilation = Harness.CreateCompilation("namespace Bench { public static class Marker { public static int Value => 1; } }");
        var original = Compilation.SyntaxTrees.Single();
        EditedCompilation = Compilation.ReplaceSyntaxTree(
            original,
            CSharpSyntaxTree.ParseText("namespace Bench { public static class Marker { public static int Value => 2; } }", Harness.ParseOptions, original.FilePath));
    }

    /// <summary>The directory holding CloudTrailSdk.sln.</summary>
    public string RepoRoot { get; }

    /// <summary>service-2.json as it is on disk.</summary>
    public AdditionalText Service { get; }

    /// <summary>service-2.json with the MaxResults shape's max changed from 50 to 49.</summary>
    public AdditionalText ServiceEdited { get; }

    /// <summary>service-2.json, paginators-1.json and customizations.json.</summary>
    public ImmutableArray<AdditionalText> AdditionalTexts { get; }

    /// <summary>The AdditionalFiles item metadata, keyed by path.</summary>
    public ItemMetadataOptions Options { get; }

    /// <summary>A one-tree compilation referencing the shared framework and the runtimes.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary><see cref="Compilation"/> with its syntax tree replaced by an edit the generator does not read.</summary>
    public CSharpCompilation EditedCompilation { get; }

    /// <summary>A fresh driver over the model files; nothing has run yet.</summary>
    public GeneratorDriver CreateDriver(bool trackSteps) => Harness.CreateDriver(AdditionalTexts, Options, trackSteps);

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
