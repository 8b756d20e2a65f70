extern alias analyzers;

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using analyzers::CloudTrailSdk.Analyzers;
using CloudTrailSdk.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Analyzers.Tests;

/// <summary>Every rule is documented, release-tracked and configurable.</summary>
[Trait("Category", "Unit")]
public sealed class DescriptorTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = new ConstraintAnalyzer().SupportedDiagnostics.ToArray();

    [Fact]
    public void Every_rule_has_a_page_a_help_link_and_a_release_entry()
    {
        var root = RepoRoot();
        var unshipped = File.ReadAllText(Path.Combine(root, "analyzers", "CloudTrailSdk.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Equal(11, Descriptors.Length);
        foreach (var descriptor in Descriptors)
        {
            Assert.True(File.Exists(Path.Combine(root, "docs", "diagnostics", descriptor.Id + ".md")), descriptor.Id + " has no page");
            Assert.EndsWith("/docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.Equal("CloudTrailSdk", descriptor.Category);
            Assert.Contains(descriptor.Id + " | CloudTrailSdk | " + descriptor.DefaultSeverity + " |", unshipped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Help_links_start_at_the_base_url_the_build_stamped()
    {
        // One setting (CloudTrailSdkDiagnosticsHelpBase, by default RepositoryUrl + /blob/main/docs/diagnostics/),
        // carried by the analyzer assembly: the links follow wherever a publisher points it.
        var stamped = typeof(ConstraintAnalyzer).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CloudTrailSdk.DiagnosticsHelpBase").Value;
        Assert.False(string.IsNullOrEmpty(stamped));
        Assert.True(Uri.TryCreate(stamped, UriKind.Absolute, out _), stamped + " is not an absolute URL");
        Assert.All(Descriptors, d => Assert.Equal(stamped!.TrimEnd('/') + "/" + d.Id + ".md", d.HelpLinkUri));
    }

    [Fact]
    public async Task Severity_follows_the_project_configuration()
    {
        // .editorconfig's dotnet_diagnostic.ID.severity reaches the compiler as specific diagnostic options.
        var compilation = AnalyzerHarness.Compile(AnalyzerAssert.Usings + """
            class C
            {
                object A() => new LookupAttribute { AttributeKey = "EventNam", AttributeValue = "x" };
                object B() => new LookupEventsRequest { MaxResults = 51 };
            }
            """);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("CTSDK007", ReportDiagnostic.Error),
            new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("CTSDK005", ReportDiagnostic.Suppress),
        }));
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(compilation);
        var single = Assert.Single(diagnostics);
        Assert.Equal("CTSDK007", single.Id);
        Assert.Equal(DiagnosticSeverity.Error, single.Severity);
    }

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
