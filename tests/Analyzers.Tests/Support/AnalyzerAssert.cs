using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Analyzers.Tests.Support;

/// <summary>Asserts that the analyzer reports exactly the diagnostics the markup marks, no more and no fewer.</summary>
internal static class AnalyzerAssert
{
    /// <summary>The usings every snippet starts with.</summary>
    public const string Usings = "using System.Collections.Generic;\nusing CloudTrailSdk;\n";

    /// <summary>
    /// Verifies <paramref name="markup"/> (the first source, prefixed with <see cref="Usings"/>); other sources are
    /// compiled along and must get no diagnostics. Returns the diagnostics for further checks of their messages.
    /// </summary>
    public static Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, params string[] otherSources) =>
        VerifyAsync(markup, ImmutableArray<MetadataReference>.Empty, otherSources);

    /// <summary>As <see cref="VerifyAsync(string, string[])"/>, with extra metadata references.</summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, ImmutableArray<MetadataReference> references, params string[] otherSources)
    {
        var (source, expected) = TestMarkup.Parse(Usings + markup);
        var compilation = AnalyzerHarness.Compile(new[] { source }.Concat(otherSources).ToArray(), references);
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(compilation);

        var actual = diagnostics
            .Select(d => (d.Id, Span: d.Location.SourceSpan, File: d.Location.SourceTree?.FilePath, Text: d.ToString()))
            .OrderBy(d => d.File).ThenBy(d => d.Span.Start).ThenBy(d => d.Id)
            .ToArray();
        var wanted = expected.Select(e => (e.Id, e.Span, File: (string?)"Source0.cs")).OrderBy(e => e.Span.Start).ThenBy(e => e.Id).ToArray();

        var message = "Expected:\n" + string.Join("\n", wanted.Select(e => e.Id + " at " + e.Span + " '" + source.Substring(e.Span.Start, e.Span.Length) + "'"))
            + "\nActual:\n" + string.Join("\n", actual.Select(d => d.Text + " at " + d.Span));
        Assert.True(wanted.SequenceEqual(actual.Select(d => (d.Id, d.Span, d.File))), message);
        return diagnostics;
    }
}
