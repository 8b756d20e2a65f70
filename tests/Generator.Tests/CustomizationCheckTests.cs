using System;
using System.IO;
using System.Linq;
using CloudTrailSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Generator.Tests;

/// <summary>
/// The generator is the one checker of customizations.json: each mistake below, made in the repository's own file, is
/// one CTGEN008 at the offending text, with a message that says what is wrong.
/// </summary>
[Trait("Category", "Unit")]
public sealed class CustomizationCheckTests
{
    private static readonly string Original = File.ReadAllText(RepoModels.CustomizationsPath);

    [Fact]
    public void TheRepositoryFileIsClean()
    {
        var run = TestHarness.Run(RepoModels.CloudTrail());
        Assert.DoesNotContain(run.AllGeneratorDiagnostics, d => d.Id == "CTGEN008");
    }

    [Fact]
    public void UnknownNamedRule_ListsTheDeclaredRules()
    {
        var d = Broken("\"rule\": \"trail-name\",", "\"rule\": \"trail-nam\",", "\"trail-nam\"");
        Assert.Contains("unknown rule 'trail-nam'", d.GetMessage());
        Assert.Contains("trail-name, trail-name-or-arn", d.GetMessage());
        Assert.Contains("did you mean 'trail-name'", d.GetMessage());
    }

    [Fact]
    public void NamedRuleCheckThatIsNoMethodName()
    {
        var d = Broken("\"CloudTrailSdk.Rules.TrailNameRule.CheckName\"", "\"CheckName()\"", "\"CheckName()\"");
        Assert.Contains("fully qualified static method", d.GetMessage());
    }

    [Fact]
    public void ErrorCodeTheOperationNeverReturns()
    {
        var d = Broken(
            "{ \"target\": \"LookupEventsRequest$NextToken\", \"errorCode\": \"InvalidNextTokenException\" }",
            "{ \"target\": \"LookupEventsRequest$NextToken\", \"errorCode\": \"TrailNotFoundException\" }",
            "\"TrailNotFoundException\"");
        Assert.Contains("not among the errors of LookupEvents", d.GetMessage());
    }

    [Fact]
    public void ErrorCodeThatIsNoException()
    {
        var d = Broken(
            "{ \"target\": \"LookupEventsRequest$NextToken\", \"errorCode\": \"InvalidNextTokenException\" }",
            "{ \"target\": \"LookupEventsRequest$NextToken\", \"errorCode\": \"LookupAttribute\" }",
            "\"LookupAttribute\"");
        Assert.Contains("is not an exception shape", d.GetMessage());
    }

    [Fact]
    public void CountOnAStringMember()
    {
        var d = Broken(
            "{ \"target\": \"LookupEventsRequest$LookupAttributes\", \"count\"",
            "{ \"target\": \"LookupEventsRequest$NextToken\", \"count\"",
            "{ \"max\": 1 }");
        Assert.Contains("'count' needs a list or map value", d.GetMessage());
    }

    [Fact]
    public void TwoRulesInOneEntry()
    {
        var d = Broken(
            "\"count\": { \"max\": 5 },",
            "\"count\": { \"max\": 5 }, \"default\": \"1\",",
            "{ \"target\": \"PutEventSelectorsRequest$EventSelectors\"");
        Assert.Contains("one rule per entry, found count, default", d.GetMessage());
    }

    [Fact]
    public void NotAfterOnANonTimestamp()
    {
        var d = Broken("\"arguments\": [\"StartTime\", \"EndTime\"]", "\"arguments\": [\"StartTime\", \"NextToken\"]", "\"NextToken\"");
        Assert.Contains("needs timestamp members; 'NextToken' is string", d.GetMessage());
    }

    [Fact]
    public void UnknownShapeRule_SuggestsTheClosest()
    {
        var d = Broken("\"rule\": \"not-after\"", "\"rule\": \"not-afterr\"", "\"not-afterr\"");
        Assert.Contains("did you mean 'not-after'", d.GetMessage());
    }

    /// <summary>Applies one edit to the repository's customizations and expects one CTGEN008 where <paramref name="at"/> is.</summary>
    private static Diagnostic Broken(string find, string replace, string at)
    {
        Assert.Contains(find, Original);
        var text = ReplaceFirst(Original, find, replace);
        var models = RepoModels.CloudTrail().Select(m => m.Kind == "customizations" ? m with { Text = text } : m).ToList();
        var run = TestHarness.Run(models);
        Assert.Null(run.Result.Exception);
        var errors = run.AllGeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 1 && errors[0].Id == "CTGEN008", "expected one CTGEN008; got:" + Environment.NewLine + GeneratorRun.Describe(errors));

        var offset = text.IndexOf(replace, StringComparison.Ordinal);
        var expected = text.IndexOf(at, text.LastIndexOf('\n', offset) + 1, StringComparison.Ordinal);
        Assert.True(expected >= 0, "test bug: '" + at + "' is not in the edited entry");
        var span = errors[0].Location.GetLineSpan();
        Assert.Equal(RepoModels.CustomizationsPath, span.Path);
        var line = text.Take(expected).Count(c => c == '\n');
        var column = expected - (text.LastIndexOf('\n', expected - 1) + 1);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        return errors[0];
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        return text.Substring(0, index) + replace + text.Substring(index + find.Length);
    }
}
