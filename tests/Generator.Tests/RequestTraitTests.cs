using System;
using System.Linq;
using CloudTrailSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using static CloudTrailSdk.Generator.Tests.Support.WidgetModel;

namespace CloudTrailSdk.Generator.Tests;

/// <summary>endpoint.hostPrefix and requestcompression: a usable template compiles into the client call; anything the runtime could not expand is a positioned CTGEN005.</summary>
[Trait("Category", "Unit")]
public sealed class RequestTraitTests
{
    private const int HttpLine = 13;

    [Fact]
    public void HostPrefixWithLabel_AndCompression_Compile()
    {
        var text = WithName(Edit(HttpLine, "\"requestUri\": \"/\" },",
            "\"requestUri\": \"/\" }, \"endpoint\": { \"hostPrefix\": \"data.{Name}.\" }, \"requestcompression\": { \"encodings\": [\"gzip\"] },"), "\"hostLabel\": true");
        var run = TestHarness.Run(new[] { ModelSource.Service(ServicePath, text, ModelId) });
        run.AssertCleanAndCompiles();
        var source = run.Sources.Single(s => s.Key.Contains("GetWidget", StringComparison.Ordinal) && s.Value.Contains("InvokeAsync", StringComparison.Ordinal)).Value;
        Assert.Contains("AwsRequestTraits s_GetWidgetTraits = new(\"data.{Name}.\", true)", source, StringComparison.Ordinal);
        Assert.Contains("new(\"Name\", r.Name)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownEncodings_AreIgnored_AndNoTraitsAreEmitted()
    {
        var text = Edit(HttpLine, "\"requestUri\": \"/\" },", "\"requestUri\": \"/\" }, \"requestcompression\": { \"encodings\": [\"zstd\"] },");
        var run = TestHarness.Run(new[] { ModelSource.Service(ServicePath, text, ModelId) });
        run.AssertCleanAndCompiles();
        Assert.DoesNotContain(run.Sources.Values, s => s.Contains("AwsRequestTraits", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("data.{Nme}.", "has no string member 'Nme'")]
    [InlineData("data.{Name.", "no '}'")]
    [InlineData("da_ta.{Name}.", "holds '_'")]
    [InlineData("", "non-empty string")]
    public void BadTemplate_CTGEN005AtTheTemplate(string template, string reason)
    {
        var text = WithName(Edit(HttpLine, "\"requestUri\": \"/\" },", "\"requestUri\": \"/\" }, \"endpoint\": { \"hostPrefix\": \"" + template + "\" },"), "\"hostLabel\": true");
        var d = SingleError(text);
        AssertAt(d, HttpLine, Line(text, HttpLine).IndexOf("\"" + template + "\"", StringComparison.Ordinal));
        Assert.Contains(reason, d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void LabelOnANonStringMember_CTGEN005AtTheMember()
    {
        var text = WithName(Edit(HttpLine, "\"requestUri\": \"/\" },", "\"requestUri\": \"/\" }, \"endpoint\": { \"hostPrefix\": \"data.\" },"), "\"hostLabel\": true")
            .Replace("\"Name\": { \"shape\": \"String\"", "\"Name\": { \"shape\": \"Integer\"", StringComparison.Ordinal);
        var d = SingleError(text);
        AssertAt(d, NameMemberLine, Line(text, NameMemberLine).IndexOf("\"Name\"", StringComparison.Ordinal));
        Assert.Contains("only a plain string member", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedCompressionTrait_CTGEN005AtTheTrait()
    {
        var text = Edit(HttpLine, "\"requestUri\": \"/\" },", "\"requestUri\": \"/\" }, \"requestcompression\": { \"encodings\": \"gzip\" },");
        var d = SingleError(text);
        AssertAt(d, HttpLine, Line(text, HttpLine).IndexOf("{ \"encodings\"", StringComparison.Ordinal));
        Assert.Contains("requestcompression", d.GetMessage(), StringComparison.Ordinal);
    }

    private static string WithName(string text, string flag) =>
        text.Replace("\"Name\": { \"shape\": \"String\" }", "\"Name\": { \"shape\": \"String\", " + flag + " }", StringComparison.Ordinal);

    private static Diagnostic SingleError(string text)
    {
        var run = TestHarness.Run(new[] { ModelSource.Service(ServicePath, text, ModelId) });
        Assert.Null(run.Result.Exception);
        var errors = run.AllGeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 1 && errors[0].Id == "CTGEN005", "expected one CTGEN005; got:" + Environment.NewLine + GeneratorRun.Describe(run.AllGeneratorDiagnostics));
        Assert.Empty(run.Result.GeneratedSources);
        return errors[0];
    }

    private static void AssertAt(Diagnostic diagnostic, int line, int column)
    {
        Assert.True(column >= 0, "test bug: expected column not found");
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(ServicePath, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }
}
