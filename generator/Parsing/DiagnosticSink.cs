using System.Collections.Generic;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Json;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>Collects diagnostics for one file, turning character offsets into the line spans Roslyn reports.</summary>
internal sealed class DiagnosticSink
{
    private readonly List<DiagnosticInfo> _items;
    private LineMap? _lines;

    public DiagnosticSink(string path, string text, List<DiagnosticInfo> items)
    {
        Path = path;
        Text = text;
        _items = items;
    }

    public string Path { get; }

    public string Text { get; }

    public bool HasErrors { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, int start, int end, string message)
    {
        _lines ??= new LineMap(Text);
        var (startLine, startChar) = _lines.GetPosition(start);
        var (endLine, endChar) = _lines.GetPosition(end);
        _items.Add(new DiagnosticInfo(descriptor.Id, message, Path, start, end, startLine, startChar, endLine, endChar));
        HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
    }

    public void Report(DiagnosticDescriptor descriptor, JsonNode? node, string message) =>
        Report(descriptor, node?.Start ?? 0, node?.End ?? 0, message);

    public void ReportAtName(DiagnosticDescriptor descriptor, JsonProperty property, string message) =>
        Report(descriptor, property.NameStart, property.NameEnd, message);
}
