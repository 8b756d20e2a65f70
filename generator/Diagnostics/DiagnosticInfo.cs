using CloudTrailSdk.Generator.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CloudTrailSdk.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain data. A Roslyn <see cref="Location"/> is not value-equatable and must not flow through the
/// pipeline, so the location travels as path and line span and is built only when reported.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    string Message,
    string FilePath,
    int StartOffset,
    int EndOffset,
    int StartLine,
    int StartCharacter,
    int EndLine,
    int EndCharacter)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = GeneratorDiagnostics.ById(Id);
        var location = FilePath.Length == 0
            ? Location.None
            : Location.Create(
                FilePath,
                new TextSpan(StartOffset, System.Math.Max(0, EndOffset - StartOffset)),
                new LinePositionSpan(new LinePosition(StartLine, StartCharacter), new LinePosition(EndLine, EndCharacter)));
        return Diagnostic.Create(descriptor, location, Message);
    }
}

/// <summary>The diagnostics of one build step, carried alongside its result.</summary>
internal sealed record DiagnosticBag(EquatableArray<DiagnosticInfo> Items)
{
    public static readonly DiagnosticBag Empty = new(EquatableArray<DiagnosticInfo>.Empty);
}
