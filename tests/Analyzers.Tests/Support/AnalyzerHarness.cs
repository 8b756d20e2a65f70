extern alias analyzers;

using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using analyzers::CloudTrailSdk.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CloudTrailSdk.Analyzers.Tests.Support;

/// <summary>Compiles consumer code against the SDK (as metadata) and runs <see cref="ConstraintAnalyzer"/> on it.</summary>
internal static class AnalyzerHarness
{
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources) => Compile(sources, ImmutableArray<MetadataReference>.Empty);

    public static CSharpCompilation Compile(string[] sources, ImmutableArray<MetadataReference> extraReferences, string name = "Consumer") =>
        CSharpCompilation.Create(
            name,
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: "Source" + i + ".cs")),
            SdkReferences.All.AddRange(extraReferences),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// Compiles <paramref name="source"/> into an in-memory assembly and returns it as a metadata reference: stands in
    /// for generated SDK members (e.g. convenience overloads with constrained parameters) the model does not emit yet.
    /// </summary>
    public static MetadataReference Library(string source)
    {
        var compilation = Compile(new[] { source }, ImmutableArray<MetadataReference>.Empty, "Library");
        using var image = new System.IO.MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>
    /// The analyzer's diagnostics. Fails when the consumer code does not compile (a test that does not compile tests
    /// nothing) and when the analyzer throws, whether Roslyn would surface that as AD0001 or hand it to the callback.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The test source does not compile:\n" + string.Join("\n", errors.Select(d => d.ToString())));

        var exceptions = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConstraintAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();

        Assert.True(exceptions.IsEmpty, "The analyzer threw:\n" + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }
}
