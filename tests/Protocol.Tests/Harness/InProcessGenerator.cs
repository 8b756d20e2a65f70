using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CloudTrailSdk.Protocol.Tests.Harness;

/// <summary>
/// Runs the generator over one model as the compiler would, compiles the output together with a probe source, and
/// loads the result into a collectible context whose CloudTrailSdk.Runtime is the one this test already loaded.
/// </summary>
internal static class InProcessGenerator
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static LoadedSdk Build(string modelPath, string modelJson, string ns, string clientName, string probeSource)
    {
        var text = new ModelText(modelPath, modelJson);
        var options = new Options(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.AwsModel"] = "service",
            ["build_metadata.AdditionalFiles.AwsModelId"] = "protocol",
            ["build_metadata.AdditionalFiles.AwsNamespace"] = ns,
            ["build_metadata.AdditionalFiles.AwsClientName"] = clientName,
            ["build_metadata.AdditionalFiles.AwsEmit"] = "Client",
        });
        var compilation = CSharpCompilation.Create(
            "Protocol" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(probeSource, ParseOptions, path: "Probe.cs") },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new CloudTrailSdk.Generator.ServiceModelGenerator().AsSourceGenerator() },
            new AdditionalText[] { text },
            ParseOptions,
            new Provider(options));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var problems = driver.GetRunResult().Diagnostics.Concat(generatorDiagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("The generator refused the suite's model:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Take(10)));
        }

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        if (!emitted.Success)
        {
            throw new Xunit.Sdk.XunitException("The generated SDK does not compile:" + Environment.NewLine +
                string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        }

        image.Position = 0;
        var context = new Context();
        return new LoadedSdk(context, context.LoadFromStream(image));
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal))
            .Append(typeof(CloudTrailSdk.Runtime.AwsJsonClient).Assembly.Location);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    internal sealed class LoadedSdk : IDisposable
    {
        private readonly Context _context;

        public LoadedSdk(Context context, Assembly assembly)
        {
            _context = context;
            Assembly = assembly;
        }

        public Assembly Assembly { get; }

        public void Dispose() => _context.Unload();
    }

    internal sealed class Context : AssemblyLoadContext
    {
        public Context()
            : base("protocol-sdk-" + Guid.NewGuid().ToString("N"), isCollectible: true)
        {
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var runtime = typeof(CloudTrailSdk.Runtime.AwsJsonClient).Assembly;
            return string.Equals(assemblyName.Name, runtime.GetName().Name, StringComparison.Ordinal) ? runtime : null;
        }
    }

    private sealed class ModelText : AdditionalText
    {
        private readonly SourceText _text;

        public ModelText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, System.Text.Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Provider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptions _model;

        public Provider(AnalyzerConfigOptions model) => _model = model;

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _model;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
