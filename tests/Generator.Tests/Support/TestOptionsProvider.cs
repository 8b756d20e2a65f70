using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CloudTrailSdk.Generator.Tests.Support;

/// <summary>Per-file item metadata, keyed by path, as MSBuild would pass it through the editorconfig.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, AnalyzerConfigOptions> _byPath;

    public TestOptionsProvider(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byPath)
    {
        _byPath = new Dictionary<string, AnalyzerConfigOptions>(StringComparer.Ordinal);
        foreach (var (path, values) in byPath)
        {
            _byPath[path] = new DictionaryOptions(values);
        }
    }

    public override AnalyzerConfigOptions GlobalOptions { get; } = DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _byPath.TryGetValue(textFile.Path, out var options) ? options : DictionaryOptions.Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly IReadOnlyDictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
