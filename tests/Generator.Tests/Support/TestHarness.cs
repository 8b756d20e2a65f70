using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Generator.Tests.Support;

/// <summary>
/// The test kit's <see cref="GeneratorHarness"/> as these tests use it: <see cref="ServiceModelGenerator"/>, client and
/// server runtimes referenced, and a compilation of the repository's own model given the hand-written sources
/// sdk/CloudTrail compiles beside it.
/// </summary>
internal static class TestHarness
{
    public static readonly GeneratorHarness Instance = new(
        () => new ServiceModelGenerator(),
        typeof(CloudTrailSdk.Runtime.AwsJsonClient).Assembly,
        typeof(CloudTrailSdk.Runtime.Server.AwsServerDispatch).Assembly);

    public static GeneratorRun Run(IEnumerable<ModelSource> models, params string[] extraSources)
    {
        var list = models.ToList();
        return Instance.Run(list, WithServiceSources(list, extraSources));
    }

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation, ImmutableArray<AdditionalText> texts) =>
        Instance.Run(driver, compilation, texts);

    /// <summary>
    /// The repository's CloudTrail customizations name checkers in sdk/CloudTrail/Rules, which that project compiles
    /// next to the generated code: a compilation of the repository's model gets the same hand-written files.
    /// </summary>
    public static string[] WithServiceSources(IEnumerable<ModelSource> models, params string[] sources) =>
        models.Any(m => string.Equals(m.Path, RepoModels.CustomizationsPath, StringComparison.Ordinal))
            ? sources.Concat(RepoModels.HandWrittenSources()).ToArray()
            : sources;

    /// <summary>Asserts the generator ran cleanly and the result compiles without a single error.</summary>
    public static void AssertCleanAndCompiles(this GeneratorRun run)
    {
        Assert.Null(run.Result.Exception);
        var bad = run.AllGeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(bad.Count == 0, "Generator reported " + bad.Count + " warnings/errors:" + Environment.NewLine + GeneratorRun.Describe(bad));
        Assert.NotEmpty(run.Result.GeneratedSources);
        var errors = run.CompileErrors();
        Assert.True(errors.Length == 0, "Generated code has " + errors.Length + " compile errors; first 20:" + Environment.NewLine + GeneratorRun.Describe(errors));
    }
}
