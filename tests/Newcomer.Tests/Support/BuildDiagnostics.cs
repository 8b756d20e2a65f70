using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CloudTrailSdk.Newcomer.Tests.Support;

/// <summary>One diagnostic as MSBuild prints it: <c>path(line,column): error ID: message</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id)
{
    public override string ToString() => $"{Path.GetFileName(File)}({Line},{Column}): {Severity} {Id}";
}

/// <summary>
/// Reads the analyzer diagnostics of a consumer build from its output, and finds where a piece of source text sits,
/// so a test can say "this ID at this line and column" about a program it wrote.
/// </summary>
internal static class BuildDiagnostics
{
    // One line only: a path that could run across a line break would swallow the line before it.
    private static readonly Regex Line = new(
        @"^[ \t]*(?<file>[^\s(][^(\r\n]*?)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<id>[A-Z]+\d+):",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>
    /// The distinct diagnostics whose ID starts with <paramref name="prefix"/> (MSBuild repeats each one in its summary).
    /// </summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output, string prefix) => Line.Matches(output)
        .Select(m => new BuildDiagnostic(
            m.Groups["file"].Value.Trim(),
            int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["column"].Value, CultureInfo.InvariantCulture),
            m.Groups["severity"].Value,
            m.Groups["id"].Value))
        .Where(d => d.Id.StartsWith(prefix, StringComparison.Ordinal))
        .Distinct()
        .OrderBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>The 1-based line and column where <paramref name="needle"/> first occurs in <paramref name="text"/>.</summary>
    public static (int Line, int Column) Locate(string text, string needle)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf(needle, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (i + 1, at + 1);
            }
        }

        throw new InvalidOperationException("`" + needle + "` is not in the program");
    }
}
