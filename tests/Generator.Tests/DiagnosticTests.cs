using System;
using System.Collections.Generic;
using System.Linq;
using CloudTrailSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using static CloudTrailSdk.Generator.Tests.Support.WidgetModel;

namespace CloudTrailSdk.Generator.Tests;

/// <summary>Each broken model yields one precise diagnostic at the offending JSON, no exception and no sources.</summary>
[Trait("Category", "Unit")]
public sealed class DiagnosticTests
{
    [Fact]
    public void ValidWidgetModel_GeneratesAndCompiles()
    {
        // Control: the unbroken model is clean, so each failure below is caused by its one edit.
        var run = TestHarness.Run(new[] { ModelSource.Service(ServicePath, Service, ModelId) });
        run.AssertCleanAndCompiles();
        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Widgets.IWidgetsClient"));
    }

    [Fact]
    public void MalformedJson_MissingComma_CTGEN001AtNextToken()
    {
        var text = Edit(JsonVersionLine, "\"1.1\",", "\"1.1\"");
        var d = SingleError(Broken(text), "CTGEN001");
        // The parser finds "protocol" where it expected ',' or '}'.
        AssertAt(d, ServicePath, ProtocolLine, Line(text, ProtocolLine).IndexOf("\"protocol\"", StringComparison.Ordinal));
        Assert.Contains("','", d.GetMessage());
    }

    [Fact]
    public void UnknownShapeReference_CTGEN004AtReferenceString()
    {
        var text = Edit(NameMemberLine, "\"shape\": \"String\"", "\"shape\": \"Strng\"");
        var d = SingleError(Broken(text), "CTGEN004");
        AssertAt(d, ServicePath, NameMemberLine, Line(text, NameMemberLine).IndexOf("\"Strng\"", StringComparison.Ordinal));
        Assert.Equal(NameMemberLine, d.Location.GetLineSpan().EndLinePosition.Line);
        Assert.Equal(Line(text, NameMemberLine).IndexOf("\"Strng\"", StringComparison.Ordinal) + "\"Strng\"".Length, d.Location.GetLineSpan().EndLinePosition.Character);
        Assert.Contains("Strng", d.GetMessage());
    }

    [Fact]
    public void RestXmlProtocol_CTGEN003AtProtocolValue()
    {
        var text = Edit(ProtocolLine, "\"json\"", "\"rest-xml\"");
        var d = SingleError(Broken(text), "CTGEN003");
        AssertAt(d, ServicePath, ProtocolLine, Line(text, ProtocolLine).IndexOf("\"rest-xml\"", StringComparison.Ordinal));
        Assert.Contains("rest-xml", d.GetMessage());
    }

    [Fact]
    public void MissingTargetPrefix_CTGEN002AtMetadataObject()
    {
        var text = Edit(TargetPrefixLine, "\"targetPrefix\": \"Widgets_20200101\"", "\"signingName\": \"widgets\"");
        var d = SingleError(Broken(text), "CTGEN002");
        AssertAt(d, ServicePath, MetadataLine, Line(text, MetadataLine).IndexOf('{'));
        Assert.Contains("targetPrefix", d.GetMessage());
    }

    [Fact]
    public void ListContainingItself_CTGEN006AtShapeName()
    {
        var text = Edit(StringShapeLine, "\"String\": {", "\"Self\": { \"type\": \"list\", \"member\": { \"shape\": \"Self\" } }, \"String\": {");
        var d = SingleError(Broken(text), "CTGEN006");
        AssertAt(d, ServicePath, StringShapeLine, Line(text, StringShapeLine).IndexOf("\"Self\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ShapesFooAndfoo_CTGEN007AtSecondName()
    {
        var text = Edit(StringShapeLine, "\"String\": {",
            "\"Foo\": { \"type\": \"structure\", \"members\": {} }, \"foo\": { \"type\": \"structure\", \"members\": {} }, \"String\": {");
        var d = SingleError(Broken(text), "CTGEN007");
        AssertAt(d, ServicePath, StringShapeLine, Line(text, StringShapeLine).IndexOf("\"foo\"", StringComparison.Ordinal));
        Assert.Contains("'Foo'", d.GetMessage());
    }

    [Fact]
    public void CustomizationTargetingMissingShape_CTGEN008InCustomizationsFile()
    {
        const string customizations = """
            {
              "version": 1,
              "members": [
                { "target": "NoSuchShape$Name", "rule": "trail-name" }
              ]
            }
            """;
        var run = BrokenRun(
            ModelSource.Service(ServicePath, Service, ModelId),
            ModelSource.Customizations(CustomizationsPath, customizations, ModelId));
        var d = SingleError(run, "CTGEN008");
        AssertAt(d, CustomizationsPath, 3, Line(customizations, 3).IndexOf("\"NoSuchShape$Name\"", StringComparison.Ordinal));
    }

    [Fact]
    public void PaginatorForMissingOperation_CTGEN009AtPaginatorName()
    {
        const string paginators = """
            {
              "pagination": {
                "ListGadgets": {
                  "input_token": "NextToken",
                  "output_token": "NextToken",
                  "result_key": "Gadgets"
                }
              }
            }
            """;
        var run = BrokenRun(
            ModelSource.Service(ServicePath, Service, ModelId),
            ModelSource.Paginators(PaginatorsPath, paginators, ModelId));
        var d = SingleError(run, "CTGEN009");
        AssertAt(d, PaginatorsPath, 2, 4);
        Assert.Contains("ListGadgets", d.GetMessage());
    }

    [Fact]
    public void CustomizationsWithoutServiceFile_CTGEN010()
    {
        const string customizations = """
            { "version": 1 }
            """;
        var run = BrokenRun(ModelSource.Customizations(CustomizationsPath, customizations, ModelId));
        var d = SingleError(run, "CTGEN010");
        AssertAt(d, CustomizationsPath, 0, 0);
        Assert.Contains("no service file", d.GetMessage());
    }

    [Fact]
    public void JsonWithoutAwsModelMetadata_IsIgnored()
    {
        // Malformed on purpose: if the generator read it at all, it would report CTGEN001.
        const string appsettings = """
            { "Logging": { "LogLevel": { "Default": "Information" } ,, }
            """;
        var run = TestHarness.Run(new[] { new ModelSource("/app/appsettings.json", appsettings, Kind: null, Emit: null) });
        Assert.Null(run.Result.Exception);
        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.Result.GeneratedSources);
        // The selector drops the file: the ModelFiles step (after its Where) has no output at all.
        var selected = run.Result.TrackedSteps.TryGetValue(TrackingNames.ModelFiles, out var steps) ? steps.SelectMany(s => s.Outputs).Count() : 0;
        Assert.Equal(0, selected);
        Assert.Empty(run.CompileErrors());
    }

    [Fact]
    public void JsonWithoutAwsModelMetadata_DoesNotChangeRealModelOutput()
    {
        var alone = TestHarness.Run(new[] { ModelSource.Service(ServicePath, Service, ModelId) });
        var withApp = TestHarness.Run(new[]
        {
            ModelSource.Service(ServicePath, Service, ModelId),
            new ModelSource("/app/appsettings.json", "{ \"AllowedHosts\": \"*\" }", Kind: null, Emit: null),
        });
        withApp.AssertCleanAndCompiles();
        Assert.Equal(alone.Sources.OrderBy(p => p.Key, StringComparer.Ordinal), withApp.Sources.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void DuplicateProperty_CTGEN001AtSecondName()
    {
        var text = Edit(ProtocolLine, "\"protocol\": \"json\",", "\"protocol\": \"json\", \"protocol\": \"json\",");
        var d = SingleError(Broken(text), "CTGEN001");
        AssertAt(d, ServicePath, ProtocolLine, Line(text, ProtocolLine).LastIndexOf("\"protocol\"", StringComparison.Ordinal));
        Assert.Contains("Duplicate", d.GetMessage());
    }

    [Fact]
    public void MalformedPaginatorsFile_CTGEN001InPaginatorsFile()
    {
        const string paginators = """
            {
              "pagination": {
                "GetWidget": { "input_token": "NextToken" "output_token": "NextToken" }
              }
            }
            """;
        var run = BrokenRun(
            ModelSource.Service(ServicePath, Service, ModelId),
            ModelSource.Paginators(PaginatorsPath, paginators, ModelId));
        var d = SingleError(run, "CTGEN001");
        AssertAt(d, PaginatorsPath, 2, Line(paginators, 2).IndexOf("\"output_token\"", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownShapeType_CTGEN005AtTypeValue()
    {
        var text = Edit(StringShapeLine, "\"type\": \"string\"", "\"type\": \"strung\"");
        var run = Broken(text);
        var errors = run.AllGeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        // The bad shape is reported where it is defined; the member that used it then reports the missing shape.
        var d = Assert.Single(errors, e => e.Id == "CTGEN005");
        AssertAt(d, ServicePath, StringShapeLine, Line(text, StringShapeLine).IndexOf("\"strung\"", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Contains(e.Id, new[] { "CTGEN005", "CTGEN004" }));
    }

    [Fact]
    public void InvalidAwsEmitMetadata_CTGEN010()
    {
        var run = BrokenRun(ModelSource.Service(ServicePath, Service, ModelId, emit: "Both"));
        var d = SingleError(run, "CTGEN010");
        Assert.Equal(ServicePath, d.Location.GetLineSpan().Path);
        Assert.Contains("Both", d.GetMessage());
    }

    [Fact]
    public void UnknownAwsModelKind_CTGEN010()
    {
        var run = BrokenRun(new ModelSource(ServicePath, Service, "servise", ModelId));
        var d = SingleError(run, "CTGEN010");
        AssertAt(d, ServicePath, 0, 0);
        Assert.Contains("servise", d.GetMessage());
    }

    [Fact]
    public void TwoServiceFilesForOneModelId_CTGEN010()
    {
        var run = BrokenRun(
            ModelSource.Service(ServicePath, Service, ModelId),
            ModelSource.Service("/models/widgets2/service-2.json", Service, ModelId));
        var d = SingleError(run, "CTGEN010");
        Assert.Contains("two service files", d.GetMessage());
    }

    private static GeneratorRun Broken(string serviceText) => BrokenRun(ModelSource.Service(ServicePath, serviceText, ModelId));

    private static GeneratorRun BrokenRun(params ModelSource[] models)
    {
        var run = TestHarness.Run(models);
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.AllGeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785" or "CTGEN099");
        Assert.DoesNotContain(run.OutputCompilation.GetDiagnostics(), d => d.Id is "CS8784" or "CS8785");
        Assert.Empty(run.Result.GeneratedSources);
        return run;
    }

    private static Diagnostic SingleError(GeneratorRun run, string id)
    {
        var all = run.AllGeneratorDiagnostics;
        var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 1 && errors[0].Id == id,
            "expected exactly one error " + id + "; got:" + Environment.NewLine + GeneratorRun.Describe(all));
        Assert.Equal(DiagnosticSeverity.Error, errors[0].DefaultSeverity);
        return errors[0];
    }

    private static void AssertAt(Diagnostic diagnostic, string path, int line, int column)
    {
        Assert.True(column >= 0, "test bug: expected column not found");
        var span = diagnostic.Location.GetLineSpan();
        Assert.True(span.IsValid, "diagnostic has no location: " + diagnostic);
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }
}
