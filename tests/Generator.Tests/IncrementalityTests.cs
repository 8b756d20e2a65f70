using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using CloudTrailSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static CloudTrailSdk.Generator.Tests.Support.StepAssertions;

namespace CloudTrailSdk.Generator.Tests;

/// <summary>The pipeline must cache: unrelated edits re-run nothing, and a shape edit re-emits only what uses it.</summary>
[Trait("Category", "Unit")]
public sealed class IncrementalityTests
{
    private const string MaxResultsShape = "\n    \"MaxResults\": {\n      \"type\": \"integer\",\n      \"max\": 50,";

    [Fact]
    public void UnrelatedCSharpEdit_EverythingCached()
    {
        var first = TestHarness.Run(RepoModels.CloudTrail(), "namespace Consumer { public class A { } }");
        first.AssertCleanAndCompiles();

        // Add a syntax tree, then edit it.
        var added = first.InputCompilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public class B { } }", TestHarness.Instance.ParseOptions));
        var second = first.Driver.RunGenerators(added);
        AssertNothingNew(second.GetRunResult().Results.Single());

        var oldTree = added.SyntaxTrees.Last();
        var edited = added.ReplaceSyntaxTree(oldTree, CSharpSyntaxTree.ParseText("namespace Consumer { public class B { public int X; } }", TestHarness.Instance.ParseOptions));
        var third = second.RunGenerators(edited);
        AssertNothingNew(third.GetRunResult().Results.Single());
    }

    [Fact]
    public void NewAdditionalTextWithSameText_SpecsCached()
    {
        var first = TestHarness.Run(RepoModels.CloudTrail());
        first.AssertCleanAndCompiles();
        var old = first.Texts[0];
        var replacement = new InMemoryAdditionalText(old.Path, old.GetText()!.ToString());
        Assert.NotSame(old, replacement);

        var driver = first.Driver.ReplaceAdditionalText(old, replacement).RunGenerators(first.InputCompilation);
        var result = driver.GetRunResult().Results.Single();
        AssertAllCachedOrUnchanged(result, OutputSteps);
        AssertAllCachedOrUnchanged(result, TrackingNames.ModelFiles, TrackingNames.ModelInputs, TrackingNames.BuiltModels, TrackingNames.Diagnostics);
    }

    [Fact]
    public void EditingMaxResultsMax_ReEmitsOnlyDependentStructures()
    {
        var text = System.IO.File.ReadAllText(RepoModels.ServicePath);
        var compact = Normalize(text);
        Assert.Contains(MaxResultsShape, compact);
        var result = RunEdit(compact, compact.Replace(MaxResultsShape, MaxResultsShape.Replace("50", "40")));

        var modified = Outputs(result, TrackingNames.Structures).Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => Describe(o.Value)).ToList();
        Assert.InRange(modified.Count, 1, 5);
        Assert.Contains("structure LookupEventsRequest", modified);
        Assert.Equal(0, Count(result, TrackingNames.Structures, IncrementalStepRunReason.New));
        AssertAllCachedOrUnchanged(result, TrackingNames.Operations, TrackingNames.Service, TrackingNames.Enums, TrackingNames.Errors);
    }

    [Fact]
    public void AddingMemberDocToTrail_ReEmitsOnlyTrail()
    {
        var text = Normalize(System.IO.File.ReadAllText(RepoModels.ServicePath));
        const string anchor = "\n    \"Trail\": {\n      \"type\": \"structure\",\n      \"members\": {\n        \"Name\": {\n          \"shape\": \"String\",\n          \"documentation\": \"";
        Assert.Contains(anchor, text);
        var result = RunEdit(text, text.Replace(anchor, anchor + "Edited. "));

        var modified = Outputs(result, TrackingNames.Structures).Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => Describe(o.Value)).ToList();
        Assert.Equal(new[] { "structure Trail" }, modified);
        AssertAllCachedOrUnchanged(result, TrackingNames.Operations, TrackingNames.Service, TrackingNames.Enums, TrackingNames.Errors);
    }

    [Fact]
    public void EditingOnePaginator_ReEmitsOnlyThatOperation()
    {
        var first = TestHarness.Run(RepoModels.CloudTrail());
        first.AssertCleanAndCompiles();
        var old = first.Texts[1];
        Assert.Equal(RepoModels.PaginatorsPath, old.Path);
        var text = old.GetText()!.ToString();
        const string lookup = "\"LookupEvents\": {\n      \"input_token\": \"NextToken\",\n      \"output_token\": \"NextToken\",\n      \"limit_key\": \"MaxResults\",\n";
        Assert.Contains(lookup, text.Replace("\r\n", "\n"));
        var edited = text.Replace("\r\n", "\n").Replace(lookup, lookup.Replace("      \"limit_key\": \"MaxResults\",\n", string.Empty));

        var result = first.Driver.ReplaceAdditionalText(old, new InMemoryAdditionalText(old.Path, edited)).RunGenerators(first.InputCompilation).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        var modified = Outputs(result, TrackingNames.Operations).Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => Describe(o.Value)).ToList();
        Assert.Equal(new[] { "operation LookupEvents" }, modified);
        AssertAllCachedOrUnchanged(result, TrackingNames.Structures, TrackingNames.Enums, TrackingNames.Errors, TrackingNames.Service);
    }

    [Fact]
    public void TrackedOutputs_HoldNoRoslynObjects()
    {
        var run = TestHarness.Run(RepoModels.CloudTrail());
        run.AssertCleanAndCompiles();
        var problems = new List<string>();
        foreach (var step in AllSteps)
        {
            var outputs = Outputs(run.Result, step);
            for (var i = 0; i < outputs.Count; i++)
            {
                problems.AddRange(FindForbidden(outputs[i].Value, step + "[" + i + "]"));
            }
        }

        Assert.True(problems.Count == 0, "Pipeline outputs hold Roslyn objects: " + string.Join("; ", problems.Take(20)));
        Assert.NotEmpty(Outputs(run.Result, TrackingNames.Structures));
    }

    [Fact]
    public void ForbiddenObjectWalker_FindsNestedRoslynObjects()
    {
        // The walker itself must be able to fail, or the test above proves nothing.
        var compilation = TestHarness.Instance.CreateCompilation("class C { }");
        var nested = (1, ImmutableArray.Create<object>("x", new[] { compilation.GlobalNamespace }), new List<object> { compilation });
        var found = FindForbidden(nested, "root");
        Assert.Contains(found, f => f.Contains("Compilation", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("NamespaceSymbol", StringComparison.Ordinal));
    }

    [Fact]
    public void Output_IsIdenticalUnderTurkishAndInvariantCulture()
    {
        var models = RepoModels.CloudTrail().Concat(BotocoreModels.Load("kms", "kms", "Botocore.Kms", "Kms")).ToList();
        var invariant = RunUnder(CultureInfo.InvariantCulture, models);
        var turkish = RunUnder(CultureInfo.GetCultureInfo("tr-TR"), models);

        Assert.NotEmpty(invariant);
        Assert.Equal(invariant.Keys.OrderBy(k => k, StringComparer.Ordinal), turkish.Keys.OrderBy(k => k, StringComparer.Ordinal));
        var different = invariant.Where(p => !p.Value.AsSpan().SequenceEqual(turkish[p.Key])).Select(p => p.Key).ToList();
        Assert.True(different.Count == 0, "Sources differ under tr-TR: " + string.Join(", ", different.Take(20)));
    }

    [Fact]
    public void DiagnosticMessages_AreIdenticalUnderTurkishAndInvariantCulture()
    {
        // Decimal bounds and an upper-case 'I' in names are where culture-sensitive formatting and casing show.
        var text = WidgetModel.Edit(WidgetModel.StringShapeLine, "\"String\": { \"type\": \"string\" }",
            "\"String\": { \"type\": \"string\" }, \"Item\": { \"type\": \"double\", \"min\": 2.5, \"max\": 1.25 }");
        text = text.Replace("\"Size\": { \"shape\": \"Integer\" }", "\"Size\": { \"shape\": \"Item\" }", StringComparison.Ordinal);
        var models = new[] { ModelSource.Service(WidgetModel.ServicePath, text, WidgetModel.ModelId) };
        string[] Messages(CultureInfo culture)
        {
            var (c0, u0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                return TestHarness.Run(models).AllGeneratorDiagnostics.Select(d => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture)).ToArray();
            }
            finally
            {
                CultureInfo.CurrentCulture = c0;
                CultureInfo.CurrentUICulture = u0;
            }
        }

        var invariant = Messages(CultureInfo.InvariantCulture);
        Assert.Contains(invariant, m => m.StartsWith("CTGEN005", StringComparison.Ordinal) && m.Contains("2.5", StringComparison.Ordinal) && m.Contains("1.25", StringComparison.Ordinal));
        Assert.Equal(invariant, Messages(CultureInfo.GetCultureInfo("tr-TR")));
    }

    private static Dictionary<string, byte[]> RunUnder(CultureInfo culture, IReadOnlyList<ModelSource> models)
    {
        var (culture0, ui0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var run = TestHarness.Run(models);
            Assert.Null(run.Result.Exception);
            return run.Result.GeneratedSources.ToDictionary(
                s => s.HintName,
                s => System.Text.Encoding.UTF8.GetBytes(s.SourceText.ToString()),
                StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = ui0;
        }
    }

    private static GeneratorRunResult RunEdit(string before, string after)
    {
        Assert.NotEqual(before, after);
        var first = TestHarness.Run(RepoModels.CloudTrail(before));
        first.AssertCleanAndCompiles();
        var old = first.Texts[0];
        var driver = first.Driver.ReplaceAdditionalText(old, new InMemoryAdditionalText(old.Path, after)).RunGenerators(first.InputCompilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(1, Count(result, TrackingNames.BuiltModels, IncrementalStepRunReason.Modified));
        return result;
    }

    private static void AssertNothingNew(GeneratorRunResult result)
    {
        Assert.Null(result.Exception);
        AssertAllCachedOrUnchanged(result, AllSteps);
        var bad = IncrementalityCheck.Reemitted(result);
        Assert.True(bad.Count == 0, "Output steps re-emitted " + bad.Count + " outputs: " + string.Join(", ", bad.Take(10)));

        Assert.NotEmpty(result.TrackedOutputSteps);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
