using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CloudTrailSdk.Testing;

/// <summary>
/// Runs a source generator the way the compiler does, over in-memory model files: the one harness behind the generator
/// tests, the protocol suites and the generator benchmarks. Generated code is compiled against the shared framework and
/// the runtime assemblies the caller names (the copies the process loaded), nothing else, as a consumer's build would be.
/// </summary>
public sealed class GeneratorHarness
{
    private readonly Func<IIncrementalGenerator> _generator;
    private readonly Lazy<ImmutableArray<MetadataReference>> _references;

    /// <summary>Creates the harness.</summary>
    /// <param name="generator">Makes the generator under test (a fresh instance per driver, as each build gets one).</param>
    /// <param name="runtimeAssemblies">The assemblies generated code binds to, e.g. CloudTrailSdk.Runtime.</param>
    public GeneratorHarness(Func<IIncrementalGenerator> generator, params Assembly[] runtimeAssemblies)
    {
        _generator = generator ?? throw new ArgumentNullException(nameof(generator));
        RuntimeAssemblies = runtimeAssemblies.ToImmutableArray();
        _references = new(LoadReferences);
    }

    /// <summary>The parse options of every compilation and driver: the latest language, doc comments parsed.</summary>
    public CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Parse);

    /// <summary>The assemblies generated code binds to; a loaded generated assembly shares these copies.</summary>
    public ImmutableArray<Assembly> RuntimeAssemblies { get; }

    /// <summary>The shared framework plus <see cref="RuntimeAssemblies"/>.</summary>
    public ImmutableArray<MetadataReference> References => _references.Value;

    /// <summary>A library compilation of <paramref name="sources"/>, nullable on.</summary>
    public CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Source" + i + ".cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver over <paramref name="texts"/> whose item metadata <paramref name="options"/> supplies; nothing has run yet.</summary>
    public GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, ItemMetadataOptions options, bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            new[] { _generator().AsSourceGenerator() },
            texts,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>A driver over the model files, each with its item metadata, and the texts it was given.</summary>
    public (GeneratorDriver Driver, ImmutableArray<AdditionalText> Texts) CreateDriver(IEnumerable<ModelSource> models, bool trackSteps = true)
    {
        var list = models.ToList();
        var texts = list.Select(m => (AdditionalText)new InMemoryAdditionalText(m.Path, m.Text)).ToImmutableArray();
        var options = new ItemMetadataOptions(list.ToDictionary(m => m.Path, m => m.Metadata(), StringComparer.Ordinal));
        return (CreateDriver(texts, options, trackSteps), texts);
    }

    /// <summary>Generates from <paramref name="models"/> into a compilation of <paramref name="sources"/>.</summary>
    public GeneratorRun Run(IEnumerable<ModelSource> models, params string[] sources)
    {
        var (driver, texts) = CreateDriver(models);
        return Run(driver, CreateCompilation(sources), texts);
    }

    /// <summary>Runs <paramref name="driver"/> over <paramref name="compilation"/>.</summary>
    public GeneratorRun Run(GeneratorDriver driver, Compilation compilation, ImmutableArray<AdditionalText> texts)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, compilation, output, generatorDiagnostics, driver.GetRunResult(), texts);
    }

    /// <summary>
    /// Generates, compiles and loads: the generated assembly, or an exception listing the generator's errors or the
    /// compiler's. Dispose the result to unload it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The generator reported an error, or the output does not compile.</exception>
    public GeneratedAssembly Build(IEnumerable<ModelSource> models, params string[] sources)
    {
        var run = Run(models, sources);
        var refused = run.AllGeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (run.Result.Exception is { } ex)
        {
            throw new InvalidOperationException("The generator threw: " + ex, ex);
        }

        if (refused.Count > 0)
        {
            throw new InvalidOperationException("The generator refused the model:" + Environment.NewLine + GeneratorRun.Describe(refused, 10));
        }

        return Load(run.OutputCompilation);
    }

    /// <summary>Emits <paramref name="compilation"/> to memory and loads it into a collectible context sharing <see cref="RuntimeAssemblies"/>.</summary>
    /// <exception cref="InvalidOperationException">The compilation has errors.</exception>
    public GeneratedAssembly Load(Compilation compilation) => GeneratedAssembly.Load(compilation, RuntimeAssemblies);

    private ImmutableArray<MetadataReference> LoadReferences()
    {
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not set; cannot build the reference list");

        // Only the shared framework from the TPA list: the host's own dependencies (the generator, Roslyn, xunit,
        // BenchmarkDotNet) would leak types into the generated code's compilation that a real consumer never sees.
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(Path.GetDirectoryName(path), frameworkDir, StringComparison.Ordinal))
            {
                byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        foreach (var assembly in RuntimeAssemblies)
        {
            byName[assembly.GetName().Name!] = assembly.Location;
        }

        return byName.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}
