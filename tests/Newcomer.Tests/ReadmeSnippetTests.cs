using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CloudTrailSdk.Newcomer.Tests.Support;
using Xunit.Abstractions;

namespace CloudTrailSdk.Newcomer.Tests;

/// <summary>
/// Every C# block of README.md and of each packed package's README (its PACKAGE.md) compiles against the packed
/// packages, in a project outside the repository that has only what a user's project has: the packages and the
/// SDK's implicit usings. Markers (HTML comments before a block, see <see cref="MarkdownSnippets"/>) name the few
/// blocks that are fragments or that show a mistake on purpose; a mistake must fail with exactly the named diagnostic.
/// </summary>
[Trait("Category", "Packaging")]
[Collection(NewcomerCollection.Name)]
public sealed class ReadmeSnippetTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    /// <summary>The packages a snippet may use: everything a README talks about a user adding.</summary>
    private static readonly string[] ConsumerPackages = ["CloudTrailSdk", "CloudTrailSdk.Fake", "CloudTrailSdk.Fake.Hosting", "CloudTrailSdk.Extensions", "CloudTrailSdk.Credentials.AwsSdk"];

    private readonly NewcomerWorkspace _workspace;
    private readonly ITestOutputHelper _output;

    public ReadmeSnippetTests(NewcomerWorkspace workspace, ITestOutputHelper output)
    {
        _workspace = workspace;
        _output = output;
    }

    public static IReadOnlyList<string> MarkdownFiles(string repoRoot) =>
        new[] { "README.md" }
            .Concat(NewcomerWorkspace.PackedProjects.Select(p => Path.Combine(Path.GetDirectoryName(p)!, "PACKAGE.md")))
            .Where(f => File.Exists(Path.Combine(repoRoot, f)))
            .ToList();

    [Fact]
    public void EveryCSharpBlock_OfTheReadmeAndThePackageReadmes_CompilesAgainstThePackedPackages()
    {
        try
        {
            _workspace.EnsureReady();
            var snippets = new List<(MarkdownSnippet Snippet, string Path)>();
            foreach (var file in MarkdownFiles(_workspace.RepoRoot))
            {
                var path = Path.Combine(_workspace.RepoRoot, file);
                snippets.AddRange(MarkdownSnippets.Read(path, file).Select(s => (s, path)));
            }

            foreach (var (s, _) in snippets)
            {
                _output.WriteLine($"{s.Where}: {s.Kind}{(s.Note.Length > 0 ? " (" + s.Note + ")" : string.Empty)}");
            }

            var compiled = snippets.Where(s => s.Snippet.Kind == SnippetKind.Compiles).ToList();
            Assert.True(compiled.Count >= 5, "Expected the README and the package READMEs to hold at least 5 compiled C# blocks, found " + compiled.Count);
            var fragments = snippets.Count(s => s.Snippet.Kind == SnippetKind.Fragment);
            Assert.True(fragments * 3 <= snippets.Count, $"{fragments} of {snippets.Count} blocks are marked as fragments: keep them few.");

            var build = BuildSnippets("snippets", compiled);
            var failures = compiled
                .Select(s => (s.Snippet, Errors: MarkdownSnippets.ErrorsWithin(build.Output, s.Path, s.Snippet)))
                .Where(s => s.Errors.Count > 0)
                .Select(s => $"{s.Snippet.Where}: {string.Join(", ", s.Errors)}")
                .ToList();
            Assert.True(build.Succeeded && failures.Count == 0,
                "These snippets do not compile:\n" + string.Join('\n', failures) + "\n\n" + build.Describe(120));

            // Each block that shows a mistake is built on its own, so one's errors cannot pass for another's.
            foreach (var (snippet, path) in snippets.Where(s => s.Snippet.Kind == SnippetKind.ExpectsErrors))
            {
                var broken = BuildSnippets("expect-" + snippet.FirstLine, [(snippet, path)]);
                Assert.False(broken.Succeeded, $"{snippet.Where} should fail with {string.Join(", ", snippet.ExpectedIds)}.\n" + broken.Describe());
                var errors = MarkdownSnippets.ErrorsWithin(broken.Output, path, snippet);
                Assert.True(errors.OrderBy(e => e).SequenceEqual(snippet.ExpectedIds.OrderBy(e => e)),
                    $"{snippet.Where}: expected exactly {string.Join(", ", snippet.ExpectedIds)}, got {string.Join(", ", errors)}.\n" + broken.Describe());
            }
        }
        finally
        {
            _output.WriteLine(_workspace.Log);
        }
    }

    private CommandResult BuildSnippets(string folder, IReadOnlyList<(MarkdownSnippet Snippet, string Path)> snippets)
    {
        var dir = Path.Combine(_workspace.Root, folder);
        Directory.CreateDirectory(dir);
        var project = new StringBuilder();
        project.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        project.AppendLine("  <PropertyGroup>");
        project.AppendLine("    <TargetFramework>net10.0</TargetFramework>");
        project.AppendLine("    <ImplicitUsings>enable</ImplicitUsings>");
        project.AppendLine("    <Nullable>enable</Nullable>");
        project.AppendLine("  </PropertyGroup>");
        project.AppendLine("  <ItemGroup>");
        foreach (var package in ConsumerPackages)
        {
            project.AppendLine($"    <PackageReference Include=\"{package}\" Version=\"{_workspace.PackageVersion}\" />");
        }

        project.AppendLine("  </ItemGroup>");
        project.AppendLine("</Project>");
        File.WriteAllText(Path.Combine(dir, "Snippets.csproj"), project.ToString());
        for (var i = 0; i < snippets.Count; i++)
        {
            File.WriteAllText(Path.Combine(dir, $"Snippet{i:D2}.cs"), MarkdownSnippets.ToSource(snippets[i].Snippet, i, snippets[i].Path));
        }

        return _workspace.Dotnet(dir, Step, "build", "-tl:off", "--disable-build-servers");
    }
}

/// <summary>The snippet reader itself: markers, fences, and where statements, usings and types go.</summary>
[Trait("Category", "Unit")]
public sealed class MarkdownSnippetsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "snippets-" + Guid.NewGuid().ToString("N") + ".md");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Read_ClassifiesBlocksByTheMarkerOnTheLineBefore()
    {
        File.WriteAllText(_file, string.Join('\n',
            "# T", "```csharp", "var a = 1;", "```",
            "<!-- snippet: fragment needs a generated client -->", "```cs", "kms.Go();", "```",
            "<!-- snippet: expect CTSDK001, CTSDK004 -->", "```c#", "x", "```",
            "<!-- snippet: context Some.Type services -->", "```csharp", "services.Go();", "```",
            "```sh", "echo not csharp", "```", ""));

        var snippets = MarkdownSnippets.Read(_file, "T.md");

        Assert.Equal([SnippetKind.Compiles, SnippetKind.Fragment, SnippetKind.ExpectsErrors, SnippetKind.Compiles], snippets.Select(s => s.Kind));
        Assert.Equal([3, 7, 11, 15], snippets.Select(s => s.FirstLine));
        Assert.Equal("needs a generated client", snippets[1].Note);
        Assert.Equal(["CTSDK001", "CTSDK004"], snippets[2].ExpectedIds);
        Assert.Equal("Some.Type services", snippets[3].Context);
    }

    [Theory]
    [InlineData("<!-- snippet: fragmnet oops -->", "unknown snippet marker 'fragmnet'")]
    [InlineData("<!-- snippet: fragment -->", "must say why")]
    [InlineData("<!-- snipet fragment -->", "unreadable snippet marker")]
    public void Read_RejectsAMarkerItCannotRead_NamingTheLine(string marker, string expected)
    {
        File.WriteAllText(_file, string.Join('\n', "intro", marker, "```csharp", "var a = 1;", "```", ""));

        var error = Assert.Throws<FormatException>(() => MarkdownSnippets.Read(_file, "T.md"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("T.md:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RejectsAnUnclosedFence()
    {
        File.WriteAllText(_file, "```csharp\nvar a = 1;\n");

        var error = Assert.Throws<FormatException>(() => MarkdownSnippets.Read(_file, "T.md"));

        Assert.Contains("T.md:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSource_PutsUsingsFirst_StatementsInTheWrapper_TypesBeside_WithTheMarkdownsLines()
    {
        File.WriteAllText(_file, string.Join('\n', "x", "```csharp", "using CloudTrailSdk;   // a comment after a directive", "using var c = Make();", "sealed class Helper", "{", "}", "```", ""));
        var snippet = MarkdownSnippets.Read(_file, "T.md").Single();

        var source = MarkdownSnippets.ToSource(snippet, 7, "/r/T.md");

        var usingAt = source.IndexOf("using CloudTrailSdk;", StringComparison.Ordinal);
        var wrapperAt = source.IndexOf("RunAsync()", StringComparison.Ordinal);
        var statementAt = source.IndexOf("using var c = Make();", StringComparison.Ordinal);
        var typeAt = source.IndexOf("sealed class Helper", StringComparison.Ordinal);
        Assert.True(usingAt >= 0 && usingAt < wrapperAt && wrapperAt < statementAt && statementAt < typeAt, source);
        Assert.Contains("#line 3 \"/r/T.md\"\nusing CloudTrailSdk;   // a comment after a directive", source, StringComparison.Ordinal);
        Assert.Contains("#line 4 \"/r/T.md\"\nusing var c", source, StringComparison.Ordinal);
        Assert.Contains("#line 5 \"/r/T.md\"\nsealed class Helper", source, StringComparison.Ordinal);
        Assert.Contains("namespace Snippets.S7", source, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsWithin_CountsOnlyErrorsAtTheSnippetsLinesOfThatFile()
    {
        var snippet = new MarkdownSnippet("T.md", 10, 14, "", SnippetKind.Compiles, [], "", "");
        var output = "/r/T.md(9,1): error CS0001: before\n/r/T.md(10,5): error CS0246: x\n/r/T.md(14,1): error CTSDK001: y\n"
            + "/r/T.md(15,1): error CS0002: after\n/r/U.md(12,1): error CS0003: other file\n/r/T.md(12,1): warning CS0168: w\n";

        Assert.Equal(["CS0246", "CTSDK001"], MarkdownSnippets.ErrorsWithin(output, "/r/T.md", snippet));
    }
}
