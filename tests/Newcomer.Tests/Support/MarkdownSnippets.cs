using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CloudTrailSdk.Newcomer.Tests.Support;

/// <summary>What a snippet is meant to do when compiled.</summary>
public enum SnippetKind
{
    /// <summary>Compiles without errors, as written.</summary>
    Compiles,

    /// <summary>Deliberately incomplete (<c>&lt;!-- snippet: fragment REASON --&gt;</c>): not compiled, only counted.</summary>
    Fragment,

    /// <summary>Shows a mistake (<c>&lt;!-- snippet: expect ID[,ID] --&gt;</c>): must fail with exactly those diagnostics.</summary>
    ExpectsErrors,
}

/// <summary>One C# block of a markdown file, with where it is and what its marker says.</summary>
/// <param name="Context">Parameters the snippet may use without declaring them (<c>&lt;!-- snippet: context TYPE name, ... --&gt;</c>), fully qualified.</param>
public sealed record MarkdownSnippet(string File, int FirstLine, int LastLine, string Code, SnippetKind Kind, IReadOnlyList<string> ExpectedIds, string Context, string Note)
{
    public string Where => $"{File}:{FirstLine}";
}

/// <summary>
/// Reads every C# fence (<c>```csharp</c>, <c>```cs</c>, <c>```c#</c>) of a markdown file. A marker is an HTML comment
/// on the line just before the fence, invisible where the markdown is rendered:
/// <c>&lt;!-- snippet: fragment why --&gt;</c>, <c>&lt;!-- snippet: expect CTSDK001 --&gt;</c> or
/// <c>&lt;!-- snippet: context Fully.Qualified.Type name, ... --&gt;</c>. Any other HTML comment in that place fails
/// the read, so a typo cannot silently change what is checked.
/// </summary>
public static class MarkdownSnippets
{
    private static readonly Regex Fence = new(@"^\s*```\s*(?<lang>[A-Za-z#+]*)\s*$");
    private static readonly Regex Marker = new(@"^\s*<!--\s*snippet:\s*(?<verb>[a-z]+)\s*(?<rest>.*?)\s*-->\s*$");

    public static IReadOnlyList<MarkdownSnippet> Read(string path, string displayName)
    {
        var lines = File.ReadAllLines(path);
        var snippets = new List<MarkdownSnippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence.Match(lines[i]);
            if (!open.Success || open.Groups["lang"].Value.Length == 0)
            {
                continue;
            }

            var close = i + 1;
            while (close < lines.Length && !Fence.Match(lines[close]).Success)
            {
                close++;
            }

            if (close >= lines.Length)
            {
                throw new FormatException($"{displayName}:{i + 1}: the ``` fence is never closed.");
            }

            var lang = open.Groups["lang"].Value.ToLowerInvariant();
            if (lang is "csharp" or "cs" or "c#")
            {
                var code = string.Join('\n', lines[(i + 1)..close]);
                snippets.Add(Classify(displayName, i + 2, close, code, i > 0 ? lines[i - 1] : string.Empty));
            }

            i = close;
        }

        return snippets;
    }

    private static MarkdownSnippet Classify(string file, int first, int last, string code, string previousLine)
    {
        var marker = Marker.Match(previousLine);
        if (!marker.Success)
        {
            // Any HTML comment right before a C# fence is taken for a marker, so a misspelt one fails instead of being ignored.
            if (previousLine.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                throw new FormatException($"{file}:{first - 2}: unreadable snippet marker '{previousLine.Trim()}'; expected <!-- snippet: fragment|expect|context ... -->");
            }

            return new MarkdownSnippet(file, first, last, code, SnippetKind.Compiles, [], string.Empty, string.Empty);
        }

        var rest = marker.Groups["rest"].Value;
        return marker.Groups["verb"].Value switch
        {
            "fragment" when rest.Length > 0 => new MarkdownSnippet(file, first, last, code, SnippetKind.Fragment, [], string.Empty, rest),
            "fragment" => throw new FormatException($"{file}:{first - 2}: a fragment marker must say why the block is not compiled."),
            "expect" => new MarkdownSnippet(file, first, last, code, SnippetKind.ExpectsErrors,
                rest.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), string.Empty, string.Empty),
            "context" => new MarkdownSnippet(file, first, last, code, SnippetKind.Compiles, [], rest, string.Empty),
            var verb => throw new FormatException($"{file}:{first - 2}: unknown snippet marker '{verb}'; expected fragment, expect or context."),
        };
    }

    /// <summary>
    /// The snippet as a compilable file: its using directives at the top, its statements in an async method (so
    /// top-level-program snippets from several blocks can share one project), its type declarations beside it, and
    /// #line directives so the compiler reports errors at the markdown file's own lines.
    /// </summary>
    public static string ToSource(MarkdownSnippet snippet, int index, string markdownPath)
    {
        var lines = snippet.Code.Split('\n');
        var usings = new List<(int Line, string Text)>();
        var statements = new List<(int Line, string Text)>();
        var types = new List<(int Line, string Text)>();
        var inTypes = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var mdLine = snippet.FirstLine + i;
            if (!inTypes && Regex.IsMatch(line, @"^using\s+(static\s+)?[A-Za-z_][A-Za-z0-9_.]*\s*;\s*(//.*)?$"))
            {
                usings.Add((mdLine, line));
            }
            else if (!inTypes && Regex.IsMatch(line, @"^(public |internal |sealed |static |abstract |partial |file )*(class|record|struct|interface|enum) "))
            {
                inTypes = true;
                types.Add((mdLine, line));
            }
            else if (inTypes)
            {
                types.Add((mdLine, line));
            }
            else
            {
                statements.Add((mdLine, line));
            }
        }

        var escaped = markdownPath.Replace("\\", "\\\\", StringComparison.Ordinal);
        var source = new System.Text.StringBuilder();
        source.Append("// From ").Append(snippet.Where).Append('\n');
        foreach (var (line, text) in usings)
        {
            source.Append($"#line {line} \"{escaped}\"\n").Append(text).Append('\n');
        }

        source.Append("#line default\n");
        source.Append($"namespace Snippets.S{index}\n{{\n");
        source.Append("#pragma warning disable CS1998 // a snippet without await still runs in the async wrapper\n");
        source.Append($"internal static class Snippet\n{{\ninternal static async System.Threading.Tasks.Task RunAsync({snippet.Context})\n{{\n");
        AppendLines(source, statements, escaped);
        source.Append("}\n}\n");
        AppendLines(source, types, escaped);
        source.Append("}\n");
        return source.ToString();
    }

    private static void AppendLines(System.Text.StringBuilder source, List<(int Line, string Text)> lines, string path)
    {
        if (lines.Count == 0)
        {
            return;
        }

        source.Append($"#line {lines[0].Line} \"{path}\"\n");
        foreach (var (_, text) in lines)
        {
            source.Append(text).Append('\n');
        }

        source.Append("#line default\n");
    }

    /// <summary>Error ids the build reported at lines of <paramref name="snippet"/>'s markdown file.</summary>
    public static IReadOnlyList<string> ErrorsWithin(string buildOutput, string markdownPath, MarkdownSnippet snippet) =>
        Regex.Matches(buildOutput, Regex.Escape(markdownPath) + @"\((?<line>\d+),\d+\): error (?<id>[A-Z]+\d+)")
            .Where(m => int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) is var l && l >= snippet.FirstLine && l <= snippet.LastLine)
            .Select(m => m.Groups["id"].Value)
            .Distinct()
            .ToList();
}
