using System;
using System.IO;
using System.Linq;
using CloudTrailSdk.Newcomer.Tests.Support;
using Xunit.Abstractions;

namespace CloudTrailSdk.Newcomer.Tests;

/// <summary>
/// The analyzers as a package user meets them (issue 13): the issue's six example lines each get their diagnostic in
/// `dotnet build`, and `dotnet format analyzers` (the SDK's Workspaces host, as an IDE uses) applies every offered fix
/// of several rules in one run, after which the project builds clean. Against the packed CloudTrailSdk package, which
/// carries both the analyzer and the code-fix assembly under analyzers/dotnet/cs.
/// </summary>
[Trait("Category", "Packaging")]
[Collection(NewcomerCollection.Name)]
public sealed class AnalyzerExampleTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(4);

    private readonly NewcomerWorkspace _workspace;
    private readonly ITestOutputHelper _output;

    public AnalyzerExampleTests(NewcomerWorkspace workspace, ITestOutputHelper output)
    {
        _workspace = workspace;
        _output = output;
    }

    [Fact]
    public void Each_line_of_the_issue_example_gets_its_diagnostic_in_dotnet_build()
    {
        try
        {
            var app = NewConsoleWithSdk("Examples", "examples");
            var program = Path.Combine(app, "Program.cs");
            File.WriteAllText(program, ExamplesProgram);

            var build = _workspace.Dotnet(app, Step, "build", "-tl:off", "--disable-build-servers");
            Assert.False(build.Succeeded, "The build should fail on the analyzer errors.\n" + build.Describe());
            var reported = BuildDiagnostics.Parse(build.Output, "CTSDK");
            var expected = ExpectedExamples
                .Select(e => (e.Id, Position: BuildDiagnostics.Locate(ExamplesProgram, e.Needle)))
                .Select(e => (e.Id, e.Position.Line, e.Position.Column))
                .ToList();
            foreach (var (id, line, column) in expected)
            {
                Assert.True(reported.Any(d => d.Id == id && d.Line == line && d.Column == column),
                    $"Expected {id} at ({line},{column}); reported: {string.Join("; ", reported)}\n" + build.Describe());
            }

            Assert.True(reported.Count == expected.Count, "Unexpected diagnostics: " + string.Join("; ", reported) + "\n" + build.Describe());
        }
        finally
        {
            _output.WriteLine(_workspace.Log);
        }
    }

    [Fact]
    public void Dotnet_format_applies_every_offered_fix_of_four_rules_in_one_run_and_the_project_then_builds_clean()
    {
        try
        {
            var app = NewConsoleWithSdk("Fixable", "fixable");
            var program = Path.Combine(app, "Program.cs");
            File.WriteAllText(program, FixableProgram);

            // Before: every line the fixes cover is reported (so the clean rebuild below means something).
            var before = _workspace.Dotnet(app, Step, "build", "-tl:off", "--disable-build-servers");
            Assert.False(before.Succeeded, "The build should fail on the analyzer errors.\n" + before.Describe());
            var reported = BuildDiagnostics.Parse(before.Output, "CTSDK");
            Assert.Equal(
                new[] { ("CTSDK001", 6), ("CTSDK007", 1), ("CTSDK009", 1), ("CTSDK010", 1) },
                reported.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToArray());

            // One run of the Workspaces host over the project, for the four rules that offer a fix.
            var format = _workspace.Dotnet(app, Step, "format", "analyzers", "Fixable.csproj",
                "--diagnostics", "CTSDK001", "CTSDK007", "CTSDK009", "CTSDK010", "--severity", "warn", "--verbosity", "detailed");
            Assert.True(format.Succeeded, format.Describe());

            var fixedText = File.ReadAllText(program);
            foreach (var (literal, replacement) in FixedLiterals)
            {
                Assert.True(fixedText.Contains("\"" + replacement + "\"", StringComparison.Ordinal) && !fixedText.Contains("\"" + literal + "\"", StringComparison.Ordinal),
                    $"\"{literal}\" should have become \"{replacement}\":\n{fixedText}\n\n{format.Describe()}");
            }

            Assert.DoesNotContain("AdvancedEventSelectors", fixedText, StringComparison.Ordinal);
            Assert.Contains("EventSelectors = [s]", fixedText, StringComparison.Ordinal);
            Assert.Contains("StartTime = new DateTimeOffset(2026, 1, 1,", fixedText, StringComparison.Ordinal);
            Assert.Contains("EndTime = new DateTimeOffset(2026, 2, 1,", fixedText, StringComparison.Ordinal);

            // After: nothing left where a fix was offered, and nothing else either.
            var rebuilt = _workspace.Dotnet(app, Step, "build", "-tl:off", "--disable-build-servers");
            Assert.True(rebuilt.Succeeded, "The fixed project should build.\n" + fixedText + "\n\n" + rebuilt.Describe());
            Assert.Empty(BuildDiagnostics.Parse(rebuilt.Output, "CTSDK"));
            Assert.True(rebuilt.Output.Contains(" 0 Warning(s)", StringComparison.Ordinal), "The fixed project should build without warnings.\n" + rebuilt.Describe());
        }
        finally
        {
            _output.WriteLine(_workspace.Log);
        }
    }

    private string NewConsoleWithSdk(string name, string folder)
    {
        _workspace.EnsureReady();
        var dir = Path.Combine(_workspace.Root, folder);
        Succeeds(_workspace.Dotnet(_workspace.Root, Step, "new", "console", "--name", name, "--output", dir, "--framework", "net10.0"));
        Succeeds(_workspace.Dotnet(dir, Step, "add", "package", "CloudTrailSdk", "--version", _workspace.PackageVersion));
        return dir;
    }

    private static void Succeeds(CommandResult result) => Assert.True(result.Succeeded, result.Describe());

    // Each line of the issue's example, and where its diagnostic must start. "t1" is also too short for a trail name.
    private static readonly (string Id, string Needle)[] ExpectedExamples =
    {
        ("CTSDK001", "name },"),
        ("CTSDK001", "Name },"),
        ("CTSDK001", "\"my--trail\" },"),
        ("CTSDK001", "\"t1\""),
        ("CTSDK009", "AdvancedEventSelectors = [a]"),
        ("CTSDK011", "LookupAttributeKey.Username"),
        ("CTSDK010", "StartTime = new"),
    };

    private const string ExamplesProgram = """
        using System;
        using CloudTrailSdk;

        Console.WriteLine(Examples.All(args.Length > 0, null!, null!).Length);

        static class Examples
        {
            static readonly string Name = "my--trail";

            public static object[] All(bool ok, EventSelector s, AdvancedEventSelector a)
            {
                var name = "my--trail";
                return
                [
                    new GetEventSelectorsRequest { TrailName = name },
                    new GetEventSelectorsRequest { TrailName = Name },
                    new GetEventSelectorsRequest { TrailName = ok ? "a-trail" : "my--trail" },
                    new PutEventSelectorsRequest { TrailName = "t1", EventSelectors = [s], AdvancedEventSelectors = [a] },
                    new LookupEventsRequest { EventCategory = EventCategory.Insight,
                        LookupAttributes = [new() { AttributeKey = LookupAttributeKey.Username, AttributeValue = "alice" }] },
                    new LookupEventsRequest { StartTime = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero),
                                              EndTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) },
                ];
            }
        }

        """;

    // Six trail names, each with a different correction (the bug was that Fix All grouped only identical ones), and
    // an enum value with a closest known value.
    private static readonly (string Before, string After)[] FixedLiterals =
    {
        ("my--trail", "my-trail"),
        ("-ab", "ab0"),
        ("192.168.5.4", "trail-192.168.5.4"),
        ("a", "a00"),
        ("..", "trail"),
        ("a..b", "a.b"),
        ("EventNam", "EventName"),
    };

    private const string FixableProgram = """
        using System;
        using CloudTrailSdk;

        Console.WriteLine(Fixable.All(null!, null!).Length);

        static class Fixable
        {
            public static object[] All(EventSelector s, AdvancedEventSelector a) =>
            [
                new GetTrailRequest { Name = "my--trail" },
                new GetTrailRequest { Name = "-ab" },
                new GetTrailRequest { Name = "192.168.5.4" },
                new GetTrailRequest { Name = "a" },
                new GetTrailRequest { Name = ".." },
                new GetTrailRequest { Name = "a..b" },
                new LookupAttribute { AttributeKey = "EventNam", AttributeValue = "x" },
                new PutEventSelectorsRequest { TrailName = "good-trail", EventSelectors = [s], AdvancedEventSelectors = [a] },
                new LookupEventsRequest { StartTime = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), EndTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) },
            ];
        }

        """;
}
