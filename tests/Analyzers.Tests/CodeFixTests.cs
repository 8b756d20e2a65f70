extern alias codefixes;

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Analyzers.Tests.Support;
using codefixes::CloudTrailSdk.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CloudTrailSdk.Analyzers.Tests;

/// <summary>Each fix is applied through a workspace, as the IDE does, and the result recompiles with no diagnostics.</summary>
[Trait("Category", "Unit")]
public sealed class CodeFixTests
{
    [Theory]
    [InlineData("my--trail", "my-trail")]
    [InlineData("my trail!", "my-trail")]
    [InlineData("-ab", "ab0")]
    [InlineData("192.168.5.4", "trail-192.168.5.4")]
    [InlineData("a", "a00")]
    [InlineData("..", "trail")]
    public Task Invalid_trail_name_becomes_a_corrected_name(string before, string after) => VerifyFixAsync(
        $$"""class C { object M() => new CreateTrailRequest { Name = "{{before}}", S3BucketName = "b" }; }""",
        $$"""class C { object M() => new CreateTrailRequest { Name = "{{after}}", S3BucketName = "b" }; }""");

    [Fact]
    public Task Invalid_trail_arn_becomes_its_corrected_name() => VerifyFixAsync(
        """class C { object M() => new GetTrailRequest { Name = "arn:aws:cloudtrail:us-east-1:123456789012:trail/a__b" }; }""",
        """class C { object M() => new GetTrailRequest { Name = "a_b" }; }""");

    [Theory]
    [InlineData("EventNam", "EventName")]
    [InlineData("username", "Username")]
    [InlineData("AccesKeyId", "AccessKeyId")]
    public Task Unknown_enum_value_becomes_the_closest_known_value(string before, string after) => VerifyFixAsync(
        $$"""class C { object M() => new LookupAttribute { AttributeKey = "{{before}}", AttributeValue = "x" }; }""",
        $$"""class C { object M() => new LookupAttribute { AttributeKey = "{{after}}", AttributeValue = "x" }; }""");

    [Fact]
    public Task Several_fixes_in_one_file() => VerifyFixAsync(
        """
        class C
        {
            object A() => new CreateTrailRequest { Name = "a..b", S3BucketName = "b" };
            object B() => new LookupAttribute { AttributeKey = new LookupAttributeKey("EventSorce"), AttributeValue = "x" };
        }
        """,
        """
        class C
        {
            object A() => new CreateTrailRequest { Name = "a.b", S3BucketName = "b" };
            object B() => new LookupAttribute { AttributeKey = new LookupAttributeKey("EventSource"), AttributeValue = "x" };
        }
        """);

    [Fact]
    public async Task No_fix_is_offered_where_the_value_is_not_a_literal()
    {
        // Rewriting a const reference in place would silently drop the constant; the user fixes the declaration.
        var (_, document) = CreateDocument("""
            class C { const string Bad = "my--trail"; object M() => new CreateTrailRequest { Name = Bad, S3BucketName = "b" }; }
            """);
        var diagnostics = await AnalyzerHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!);
        Assert.Empty(await ActionsForAsync(document, diagnostics.Single()));
    }

    private static async Task VerifyFixAsync(string before, string after)
    {
        var (workspace, document) = CreateDocument(before);
        using (workspace)
        {
            // One fix at a time, re-analyzing after each, as a user clicking through the light bulbs would.
            for (var round = 0; round < 10; round++)
            {
                var diagnostics = await AnalyzerHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!);
                if (diagnostics.IsEmpty)
                {
                    break;
                }

                var actions = await ActionsForAsync(document, diagnostics[0]);
                var action = Assert.Single(actions);
                foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                {
                    operation.Apply(workspace, CancellationToken.None);
                }

                document = workspace.CurrentSolution.GetDocument(document.Id)!;
            }

            var text = (await document.GetTextAsync()).ToString();
            Assert.Equal(AnalyzerAssert.Usings + after, text);
            Assert.Empty(await AnalyzerHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!));
        }
    }

    [Fact]
    public Task Mutually_exclusive_member_written_last_is_removed() => VerifyFixAsync(
        """
        class C
        {
            object M(EventSelector s, AdvancedEventSelector a) => new PutEventSelectorsRequest
            {
                TrailName = "t1x",
                EventSelectors = [s],
                AdvancedEventSelectors = [a],
            };
        }
        """,
        """
        class C
        {
            object M(EventSelector s, AdvancedEventSelector a) => new PutEventSelectorsRequest
            {
                TrailName = "t1x",
                EventSelectors = [s],
            };
        }
        """);

    [Fact]
    public Task Mutually_exclusive_member_removed_last_keeps_the_space_before_the_brace() => VerifyFixAsync(
        """
        class C
        {
            object A(EventSelector s, AdvancedEventSelector a) => new PutEventSelectorsRequest { TrailName = "t1x", EventSelectors = [s], AdvancedEventSelectors = [a] };
            object B(EventSelector s, AdvancedEventSelector a) => new PutEventSelectorsRequest
            {
                TrailName = "t1x",
                EventSelectors = [s],
                AdvancedEventSelectors = [a]
            };
            object D(EventSelector s, AdvancedEventSelector a) => new PutEventSelectorsRequest { EventSelectors = [s], AdvancedEventSelectors = [a], TrailName = "t1x" };
        }
        """,
        """
        class C
        {
            object A(EventSelector s, AdvancedEventSelector a) => new PutEventSelectorsRequest { TrailName = "t1x", EventSelectors = [s] };
            object B(EventSelector s, AdvancedEventSelector a) => new PutEventSelectorsRequest
            {
                TrailName = "t1x",
                EventSelectors = [s]
            };
            object D(EventSelector s, AdvancedEventSelector a) => new PutEventSelectorsRequest { EventSelectors = [s], TrailName = "t1x" };
        }
        """);

    [Fact]
    public Task Start_and_end_times_are_swapped() => VerifyFixAsync(
        """
        class C
        {
            object M() => new LookupEventsRequest { StartTime = new System.DateTime(2026, 2, 1), EndTime = new System.DateTime(2026, 1, 1) };
        }
        """,
        """
        class C
        {
            object M() => new LookupEventsRequest { StartTime = new System.DateTime(2026, 1, 1), EndTime = new System.DateTime(2026, 2, 1) };
        }
        """);

    [Fact]
    public void Every_fix_provider_offers_fix_all()
    {
        var providers = Providers();
        Assert.Equal(3, providers.Length);
        Assert.All(providers, p => Assert.NotNull(p.GetFixAllProvider()));
    }

    [Theory]
    [InlineData(FixAllScope.Document)]
    [InlineData(FixAllScope.Project)]
    public async Task Fix_all_fixes_every_diagnostic_of_a_rule_whatever_its_replacement(FixAllScope scope)
    {
        // Six trail names with six different corrections, and three enum values with different closest values: the
        // equivalence key names the rule, so one Fix All per rule fixes them all.
        var (workspace, document) = CreateDocument("""
            class C
            {
                object[] M() =>
                [
                    new GetTrailRequest { Name = "a--b" },
                    new GetTrailRequest { Name = "c..d" },
                    new GetTrailRequest { Name = "-e" },
                    new GetTrailRequest { Name = "f" },
                    new GetTrailRequest { Name = "192.168.5.4" },
                    new GetTrailRequest { Name = "g h" },
                    new LookupAttribute { AttributeKey = "EventNam", AttributeValue = "x" },
                    new LookupAttribute { AttributeKey = "username", AttributeValue = "x" },
                    new LookupAttribute { AttributeKey = "EventSorce", AttributeValue = "x" },
                    new LookupEventsRequest { StartTime = new System.DateTime(2026, 2, 1), EndTime = new System.DateTime(2026, 1, 1) },
                    new LookupEventsRequest { StartTime = new System.DateTime(2026, 4, 1), EndTime = new System.DateTime(2026, 3, 1) },
                ];
            }
            """);
        using (workspace)
        {
            var before = await AnalyzerHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!);
            Assert.Equal(new[] { ("CTSDK001", 6), ("CTSDK007", 3), ("CTSDK010", 2) }, before.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())));
            foreach (var id in new[] { "CTSDK001", "CTSDK007", "CTSDK010" })
            {
                var diagnostics = await AnalyzerHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!);
                var first = diagnostics.First(d => d.Id == id);
                var provider = Providers().Single(p => p.FixableDiagnosticIds.Contains(id));
                var action = (await ActionsForAsync(document, first)).Single();
                var context = new FixAllContext(document, provider, scope, action.EquivalenceKey, new[] { id }, new Diagnostics(diagnostics), CancellationToken.None);
                var fixAll = await provider.GetFixAllProvider()!.GetFixAsync(context);
                Assert.NotNull(fixAll);
                foreach (var operation in await fixAll.GetOperationsAsync(CancellationToken.None))
                {
                    operation.Apply(workspace, CancellationToken.None);
                }

                document = workspace.CurrentSolution.GetDocument(document.Id)!;
            }

            Assert.Empty(await AnalyzerHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!));
        }
    }

    [Fact]
    public async Task Fix_all_as_dotnet_format_asks_for_it_fixes_every_rule_whatever_diagnostic_comes_first()
    {
        // `dotnet format analyzers` builds the Fix All context from the first diagnostic the analyzer reported, of any
        // rule, and the equivalence key of whatever action the provider registers for it (null when none). The shape
        // rules' fixes came after trail names here, so their Fix All got a CTSDK001 and, with the batch fixer, did nothing.
        var (workspace, document) = CreateDocument("""
            class C
            {
                object[] M(EventSelector s, AdvancedEventSelector a) =>
                [
                    new GetTrailRequest { Name = "a--b" },
                    new GetTrailRequest { Name = "-e" },
                    new LookupAttribute { AttributeKey = "EventNam", AttributeValue = "x" },
                    new PutEventSelectorsRequest { TrailName = "good-trail", EventSelectors = [s], AdvancedEventSelectors = [a] },
                    new PutEventSelectorsRequest { TrailName = "other-trail", EventSelectors = [s], AdvancedEventSelectors = [a] },
                    new LookupEventsRequest { StartTime = new System.DateTime(2026, 2, 1), EndTime = new System.DateTime(2026, 1, 1) },
                    new LookupEventsRequest { StartTime = new System.DateTime(2026, 4, 1), EndTime = new System.DateTime(2026, 3, 1) },
                ];
            }
            """);
        using (workspace)
        {
            foreach (var id in new[] { "CTSDK010", "CTSDK009", "CTSDK007", "CTSDK001" })
            {
                var diagnostics = await AnalyzerHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!);
                Assert.Contains(diagnostics, d => d.Id == id);
                var provider = Providers().Single(p => p.FixableDiagnosticIds.Contains(id));
                CodeAction? first = null;
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First(), (action, _) => first ??= action, CancellationToken.None));
                var context = new FixAllContext(document, provider, FixAllScope.Solution, first?.EquivalenceKey!, new[] { id }, new Diagnostics(diagnostics), CancellationToken.None);
                var fixAll = await provider.GetFixAllProvider()!.GetFixAsync(context);
                Assert.True(fixAll is not null, id + ": no Fix All action");
                foreach (var operation in await fixAll.GetOperationsAsync(CancellationToken.None))
                {
                    operation.Apply(workspace, CancellationToken.None);
                }

                document = workspace.CurrentSolution.GetDocument(document.Id)!;
                var after = await AnalyzerHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!);
                Assert.DoesNotContain(after, d => d.Id == id);
            }

            Assert.Empty(await AnalyzerHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!));
        }
    }

    private static CodeFixProvider[] Providers() => typeof(ReplaceLiteralCodeFix).Assembly.GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (CodeFixProvider)System.Activator.CreateInstance(t)!)
        .ToArray();

    private static async Task<List<CodeAction>> ActionsForAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        foreach (var fix in Providers().Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            await fix.RegisterCodeFixesAsync(context);
        }

        return actions;
    }

    /// <summary>Hands Fix All the analyzer's diagnostics, as the IDE's diagnostic service would.</summary>
    private sealed class Diagnostics(IEnumerable<Diagnostic> all) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(all);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(all.Where(d => d.Location.SourceTree?.FilePath == document.FilePath || d.Location.SourceTree?.FilePath == document.Name));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }

    private static (AdhocWorkspace Workspace, Document Document) CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "Consumer",
            "Consumer",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: AnalyzerHarness.ParseOptions,
            metadataReferences: SdkReferences.All));
        var document = workspace.AddDocument(project.Id, "Source0.cs", SourceText.From(AnalyzerAssert.Usings + source));
        return (workspace, document);
    }
}
