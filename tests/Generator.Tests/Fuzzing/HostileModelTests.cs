using System;
using System.Linq;
using System.Text;
using CloudTrailSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Generator.Tests.Fuzzing;

/// <summary>The fuzzer's findings, each pinned as a named case: what used to break the user's build.</summary>
[Trait("Category", "Unit")]
public sealed class HostileModelTests
{
    private static ModelSource[] Project(string service, string? paginators = null, string modelId = "widgets", string ns = "Fuzz.Widgets", string client = "Widgets")
    {
        var list = new System.Collections.Generic.List<ModelSource> { ModelSource.Service("/h/" + modelId + "/service-2.json", service, modelId, ns, client) };
        if (paginators is not null)
        {
            list.Add(ModelSource.Paginators("/h/" + modelId + "/paginators-1.json", paginators, modelId));
        }

        return list.ToArray();
    }

    [Fact]
    public void EnumValuesNamedLikeObjectMembers_Compile()
    {
        var service = FuzzBaseModel.Service.Replace("\"blue-ish\" ]", "\"blue-ish\", \"EQUALS\", \"Equals\", \"ToString\", \"GetHashCode\", \"Value\" ]", StringComparison.Ordinal);
        var run = TestHarness.Run(Project(service, FuzzBaseModel.Paginators));
        run.AssertCleanAndCompiles();
        var color = run.OutputCompilation.GetTypeByMetadataName("Fuzz.Widgets.Color")!;
        Assert.NotEmpty(color.GetMembers("EqualsValue"));
        Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("Validation")]
    [InlineData("Serialization")]
    [InlineData("Server")]
    [InlineData("ListWidgetsPaginator")]
    [InlineData("WidgetsClient")]
    public void ShapeNamedLikeGeneratedType_IsRenamedAndCompiles(string name)
    {
        var service = FuzzBaseModel.Service.Replace("\"Page\"", "\"" + name + "\"", StringComparison.Ordinal);
        var run = TestHarness.Run(Project(service, FuzzBaseModel.Paginators));
        run.AssertCleanAndCompiles();
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Fuzz.Widgets." + name + "Shape"));
    }

    [Fact]
    public void ShapesDifferingOnlyInCase_GetDistinctHintNames()
    {
        // "Foo" and "FOO" stay distinct C# types; their files must not collide (the compiler compares hint names ignoring case).
        var service = FuzzBaseModel.Service.Replace("\"PutWidgetRequest\": {", "\"PAGE\": { \"type\": \"structure\", \"members\": {} }, \"PutWidgetRequest\": {", StringComparison.Ordinal);
        var run = TestHarness.Run(Project(service, FuzzBaseModel.Paginators));
        run.AssertCleanAndCompiles();
        var hints = run.Result.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Fuzz.Widgets.PAGE"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData(".x")]
    [InlineData("W:1")]
    public void ModelIdWithFileNameCharacters_GivesValidHintNames(string modelId)
    {
        var run = TestHarness.Run(Project(FuzzBaseModel.Service, FuzzBaseModel.Paginators, modelId));
        run.AssertCleanAndCompiles();
        Assert.All(run.Result.GeneratedSources, s => Assert.DoesNotContain(':', s.HintName));
    }

    [Theory]
    [InlineData(50_000, false)]
    [InlineData(2_000, true)]
    public void DeeplyNestedListsOrMaps_GetCtgen005AtTheShape(int depth, bool maps)
    {
        var shapes = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            var next = i == depth - 1 ? "Token" : "Deep" + (i + 1);
            shapes.Append(maps
                ? "\"Deep" + i + "\": { \"type\": \"map\", \"key\": { \"shape\": \"Token\" }, \"value\": { \"shape\": \"" + next + "\" } },\n"
                : "\"Deep" + i + "\": { \"type\": \"list\", \"member\": { \"shape\": \"" + next + "\" } },\n");
        }

        var service = FuzzBaseModel.Service
            .Replace("\"PutWidgetRequest\": {", shapes + "\"PutWidgetRequest\": {", StringComparison.Ordinal)
            .Replace("\"Items\": { \"shape\": \"WidgetList\" }", "\"Items\": { \"shape\": \"Deep0\" }", StringComparison.Ordinal);
        var run = TestHarness.Run(Project(service));
        Assert.Null(run.Result.Exception);
        var errors = run.AllGeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 1, "Expected one error, got " + errors.Count + ": " + GeneratorRun.Describe(errors, 5));
        var error = errors[0];
        Assert.Equal("CTGEN005", error.Id);
        Assert.Contains("nested more than", error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("/h/widgets/service-2.json", error.Location.GetLineSpan().Path);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void PaginatorOnOperationWithMissingOutputShape_IsPositionedDiagnostic()
    {
        var service = FuzzBaseModel.Service.Replace("\"output\": { \"shape\": \"ListWidgetsResponse\" }", "\"output\": { \"shape\": \"Gone\" }", StringComparison.Ordinal);
        var run = TestHarness.Run(Project(service, FuzzBaseModel.Paginators));
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.AllGeneratorDiagnostics, d => d.Id == "CTGEN099");
        var error = Assert.Single(run.AllGeneratorDiagnostics, d => d.Id == "CTGEN004");
        Assert.Equal("/h/widgets/service-2.json", error.Location.GetLineSpan().Path);
        Assert.Contains("Gone", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void NestedResultKey_PagesTheNestedList()
    {
        var paginators = FuzzBaseModel.Paginators.Replace("\"result_key\": \"Widgets\"", "\"result_key\": \"Page.Items\"", StringComparison.Ordinal);
        var run = TestHarness.Run(Project(FuzzBaseModel.Service, paginators));
        run.AssertCleanAndCompiles();
        var paginator = run.OutputCompilation.GetTypeByMetadataName("Fuzz.Widgets.ListWidgetsPaginator")!;
        var items = Assert.Single(paginator.GetMembers("Items").OfType<IPropertySymbol>());
        Assert.Equal("System.Collections.Generic.IAsyncEnumerable<Fuzz.Widgets.Widget>", items.Type.ToDisplayString());
    }

    [Fact]
    public void TwoModelsInOneNamespace_Ctgen010AtSecondModel()
    {
        var models = Project(FuzzBaseModel.Service).Concat(Project(FuzzBaseModel.Service, modelId: "zz-second", client: "Other")).ToList();
        var run = TestHarness.Run(models);
        Assert.Null(run.Result.Exception);
        var error = Assert.Single(run.AllGeneratorDiagnostics, d => d.Id == "CTGEN010");
        Assert.Equal("/h/zz-second/service-2.json", error.Location.GetLineSpan().Path);
        Assert.Contains("Fuzz.Widgets", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceListingJsonAmongProtocols_IsGenerated()
    {
        var service = FuzzBaseModel.Service.Replace("\"protocol\": \"json\",", "\"protocol\": \"smithy-rpc-v2-cbor\", \"protocols\": [\"smithy-rpc-v2-cbor\", \"json\"],", StringComparison.Ordinal);
        TestHarness.Run(Project(service, FuzzBaseModel.Paginators)).AssertCleanAndCompiles();
    }

    [Fact]
    public void ModelWithoutErrorShapes_CompilesWithoutWarnings()
    {
        var service = FuzzBaseModel.Service
            .Replace(",\n      \"errors\": [ { \"shape\": \"WidgetNotFoundException\" } ]", string.Empty, StringComparison.Ordinal)
            .Replace("\"exception\": true", "\"deprecated\": true", StringComparison.Ordinal);
        Assert.DoesNotContain("\"exception\"", service, StringComparison.Ordinal);
        var run = TestHarness.Run(Project(service, FuzzBaseModel.Paginators));
        run.AssertCleanAndCompiles();
        Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
