using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Testing;

/// <summary>The outcome of one generator pass: the driver (to run again), both compilations and every diagnostic.</summary>
/// <param name="Driver">The driver after the run, holding its cached state.</param>
/// <param name="InputCompilation">The compilation the generator ran over.</param>
/// <param name="OutputCompilation">That compilation plus the generated sources.</param>
/// <param name="GeneratorDiagnostics">Diagnostics the driver reported while updating the compilation.</param>
/// <param name="RunResult">The driver's run result.</param>
/// <param name="Texts">The additional texts the driver was given.</param>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation InputCompilation,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriverRunResult RunResult,
    ImmutableArray<AdditionalText> Texts)
{
    /// <summary>The one generator's result.</summary>
    public GeneratorRunResult Result => RunResult.Results.Single();

    /// <summary>The generator's diagnostics from both places the driver reports them, without duplicates.</summary>
    public ImmutableArray<Diagnostic> AllGeneratorDiagnostics => RunResult.Diagnostics.AddRange(GeneratorDiagnostics).Distinct().ToImmutableArray();

    /// <summary>The generated sources by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>One generated source.</summary>
    /// <exception cref="KeyNotFoundException">No source has that hint name; the message lists some that exist.</exception>
    public string Source(string hintName) =>
        Sources.TryGetValue(hintName, out var text)
            ? text
            : throw new KeyNotFoundException("No generated source '" + hintName + "'; have: " + string.Join(", ", Sources.Keys.Take(30)));

    /// <summary>The compile errors of the output compilation.</summary>
    public ImmutableArray<Diagnostic> CompileErrors() =>
        OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    /// <summary>The first <paramref name="max"/> diagnostics, one per line.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics, int max = 20) =>
        string.Join(Environment.NewLine, diagnostics.Take(max).Select(d => d.ToString()));
}
