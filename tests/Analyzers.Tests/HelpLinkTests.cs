extern alias analyzers;
extern alias codefixes;

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using analyzers::CloudTrailSdk.Analyzers;
using CloudTrailSdk.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CloudTrailSdk.Analyzers.Tests;

/// <summary>
/// Help links resolve: every diagnostic the analyzer reports (one mistake per rule, below) links to a page that exists
/// under docs/diagnostics, named and titled for its ID, with its release-tracking entry; no page is left without a rule,
/// and no code fix offers to fix an ID that has no page.
/// </summary>
[Trait("Category", "Unit")]
public sealed class HelpLinkTests
{
    private static readonly string Root = RepoRoot();
    private static readonly string Pages = Path.Combine(Root, "docs", "diagnostics");

    [Fact]
    public async Task Every_reported_diagnostic_links_to_its_page_and_has_a_release_entry()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(AnalyzerAssert.Usings + OneMistakePerRule));
        var supported = new ConstraintAnalyzer().SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray();
        Assert.Equal(supported, diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray());

        var releases = File.ReadAllText(Path.Combine(Root, "analyzers", "CloudTrailSdk.Analyzers", "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(Root, "analyzers", "CloudTrailSdk.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var diagnostic in diagnostics)
        {
            // The link is the stamped base plus the page's file name: the page must exist at that name in docs/diagnostics.
            var link = diagnostic.Descriptor.HelpLinkUri;
            Assert.True(Uri.TryCreate(link, UriKind.Absolute, out var uri), $"{diagnostic.Id}: '{link}' is not an absolute URL");
            var page = Path.Combine(Pages, Path.GetFileName(uri!.AbsolutePath));
            Assert.Equal(diagnostic.Id + ".md", Path.GetFileName(page));
            Assert.True(File.Exists(page), $"{diagnostic.Id} links to {link}, but {page} does not exist");
            Assert.StartsWith("# " + diagnostic.Id + ":", File.ReadLines(page).First(), StringComparison.Ordinal);
            Assert.Contains(diagnostic.Id + " | " + diagnostic.Descriptor.Category + " | " + diagnostic.Descriptor.DefaultSeverity + " |", releases, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_page_is_a_rule_and_every_fixable_id_has_a_page()
    {
        var supported = new ConstraintAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(Pages, "*.md").Select(Path.GetFileNameWithoutExtension).ToArray();
        Assert.All(pages, page => Assert.Contains(page!, supported));

        var fixable = typeof(codefixes::CloudTrailSdk.Analyzers.CodeFixes.ReplaceLiteralCodeFix).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToArray();
        Assert.NotEmpty(fixable);
        Assert.All(fixable, id => Assert.True(supported.Contains(id) && File.Exists(Path.Combine(Pages, id + ".md")), id + " is fixable but has no rule or page"));
    }

    private static readonly string OneMistakePerRule = """
        class C
        {
            object[] M(EventSelector s, AdvancedEventSelector a) =>
            [
                new GetTrailRequest { Name = "my--trail" },
                new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = "
        """ + new string('_', 1001) + """
        " },
                new LookupEventsRequest { LookupAttributes = [new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = "a" }, new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = "b" }] },
                new Tag { Key = "" },
                new LookupEventsRequest { MaxResults = 51 },
                new GetChannelRequest { Channel = "bad channel!" },
                new LookupEventsRequest { EventCategory = "insights" },
                new DataResource { Type = "AWS::Foo::Bar" },
                new PutEventSelectorsRequest { TrailName = "good-trail", EventSelectors = [s], AdvancedEventSelectors = [a] },
                new LookupEventsRequest { StartTime = new System.DateTime(2026, 2, 1), EndTime = new System.DateTime(2026, 1, 1) },
                new LookupEventsRequest { EventCategory = EventCategory.Insight, LookupAttributes = [new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = "alice" }] },
            ];
        }
        """;

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CloudTrailSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CloudTrailSdk.sln not found above " + AppContext.BaseDirectory);
    }
}
