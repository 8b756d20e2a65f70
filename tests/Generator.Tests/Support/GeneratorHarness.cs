using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CloudTrailSdk.Generator.Tests.Support;

/// <summary>Runs <see cref="ServiceModelGenerator"/> the way the compiler does, over in-memory model files.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions =
        new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static string RuntimeAssemblyPath => typeof(CloudTrailSdk.Runtime.AwsJsonClient).Assembly.Location;

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratedSdk" + Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Source" + i + ".cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static (GeneratorDriver Driver, ImmutableArray<AdditionalText> Texts) CreateDriver(IEnumerable<ModelSource> models)
    {
        var list = models.ToList();
        var texts = list.Select(m => (AdditionalText)new InMemoryAdditionalText(m.Path, m.Text)).ToImmutableArray();
        var options = new ItemMetadataOptions(list.ToDictionary(m => m.Path, m => m.Metadata(), StringComparer.Ordinal));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ServiceModelGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return (driver, texts);
    }

    public static GeneratorRun Run(IEnumerable<ModelSource> models, params string[] extraSources)
    {
        var list = models.ToList();
        var (driver, texts) = CreateDriver(list);
        return Run(driver, CreateCompilation(WithServiceSources(list, extraSources)), texts);
    }

    /// <summary>
    /// The repository's CloudTrail customizations name checkers in sdk/CloudTrail/Rules, which that project compiles
    /// next to the generated code: a compilation of the repository's model gets the same hand-written files.
    /// </summary>
    public static string[] WithServiceSources(IEnumerable<ModelSource> models, params string[] sources) =>
        models.Any(m => string.Equals(m.Path, RepoModels.CustomizationsPath, StringComparison.Ordinal))
            ? sources.Concat(RepoModels.HandWrittenSources()).ToArray()
            : sources;

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation, ImmutableArray<AdditionalText> texts)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, compilation, output, generatorDiagnostics, driver.GetRunResult(), texts);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not set; cannot build reference list");
        // Only the shared framework from the TPA list: the test's own dependencies (the generator itself, Roslyn,
        // xunit) would leak types into the generated SDK's compilation that a real consumer never sees.
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(Path.GetDirectoryName(path), frameworkDir, StringComparison.Ordinal))
            {
                byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        // The runtime assembly the test process loaded is the one generated code must bind to.
        byName["CloudTrailSdk.Runtime"] = RuntimeAssemblyPath;
        byName["CloudTrailSdk.Runtime.Server"] = typeof(CloudTrailSdk.Runtime.Server.AwsServerDispatch).Assembly.Location;
        return byName.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}

/// <summary>The outcome of one generator pass.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation InputCompilation,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriverRunResult RunResult,
    ImmutableArray<AdditionalText> Texts)
{
    public GeneratorRunResult Result => RunResult.Results.Single();

    public ImmutableArray<Diagnostic> AllGeneratorDiagnostics => RunResult.Diagnostics.AddRange(GeneratorDiagnostics).Distinct().ToImmutableArray();

    public IReadOnlyDictionary<string, string> Sources =>
        Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    public string Source(string hintName) =>
        Sources.TryGetValue(hintName, out var text)
            ? text
            : throw new Xunit.Sdk.XunitException("No generated source '" + hintName + "'; have: " + string.Join(", ", Sources.Keys.Take(30)));

    public ImmutableArray<Diagnostic> CompileErrors() =>
        OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    public static string Describe(IEnumerable<Diagnostic> diagnostics, int max = 20) =>
        string.Join(Environment.NewLine, diagnostics.Take(max).Select(d => d.ToString()));

    /// <summary>Asserts the generator ran cleanly and the result compiles without a single error.</summary>
    public void AssertCleanAndCompiles()
    {
        Assert.Null(Result.Exception);
        var bad = AllGeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(bad.Count == 0, "Generator reported " + bad.Count + " warnings/errors:" + Environment.NewLine + Describe(bad));
        Assert.NotEmpty(Result.GeneratedSources);
        var errors = CompileErrors();
        Assert.True(errors.Length == 0, "Generated code has " + errors.Length + " compile errors; first 20:" + Environment.NewLine + Describe(errors));
    }
}
