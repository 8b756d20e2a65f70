using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CloudTrailSdk.Testing;

/// <summary>Per-file item metadata, keyed by path, as MSBuild passes it to a generator through the editorconfig.</summary>
public sealed class ItemMetadataOptions : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, AnalyzerConfigOptions> _byPath;

    /// <summary>Creates the provider from each file's metadata (keys such as <c>build_metadata.AdditionalFiles.AwsModel</c>).</summary>
    public ItemMetadataOptions(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byPath)
    {
        _byPath = new Dictionary<string, AnalyzerConfigOptions>(StringComparer.Ordinal);
        foreach (var (path, values) in byPath)
        {
            _byPath[path] = new DictionaryOptions(values);
        }
    }

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GlobalOptions { get; } = DictionaryOptions.Empty;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _byPath.TryGetValue(textFile.Path, out var options) ? options : DictionaryOptions.Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        // Keys compare as the compiler compares them (case-insensitively).
        public DictionaryOptions(IReadOnlyDictionary<string, string> values)
        {
            _values = new Dictionary<string, string>(KeyComparer);
            foreach (var (key, value) in values)
            {
                _values[key] = value;
            }
        }

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
