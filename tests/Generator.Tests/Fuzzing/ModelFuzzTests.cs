using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace CloudTrailSdk.Generator.Tests.Fuzzing;

/// <summary>
/// Feeds mutated models to the generator the way the compiler runs it and requires each to end in code that compiles
/// or in a CTGEN error with a position. CTGEN_FUZZ_CASES and CTGEN_FUZZ_SEED run more cases or another seed; a
/// failure names the case number, so <c>CTGEN_FUZZ_SEED=s</c> with the same count reproduces it.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ModelFuzzTests
{
    private const int DefaultCases = 300;
    private const int DefaultSeed = 14;

    // Far above any real case (the slowest takes about a second); only a hang gets here.
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(2);

    private readonly ITestOutputHelper _output;

    public ModelFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task MutatedModels_CompileOrGetPositionedDiagnostic()
    {
        var cases = EnvInt("CTGEN_FUZZ_CASES", DefaultCases);
        var seed = EnvInt("CTGEN_FUZZ_SEED", DefaultSeed);
        var findings = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < cases; i++)
        {
            var mutator = new ModelMutator(seed, i);
            var models = mutator.Build();
            var check = Task.Run(() => Check(models));
            string outcome;
            if (await Task.WhenAny(check, Task.Delay(HangLimit)) != check)
            {
                outcome = "finding: hang";
            }
            else
            {
                outcome = await check;
            }

            var kind = outcome.StartsWith("finding", StringComparison.Ordinal) ? "finding" : outcome;
            outcomes[kind] = outcomes.TryGetValue(kind, out var n) ? n + 1 : 1;
            if (kind == "finding")
            {
                findings.Add("case " + i + " [" + mutator.Description + "]: " + outcome);
            }
        }

        _output.WriteLine(cases + " cases, seed " + seed + ", " + watch.ElapsedMilliseconds + " ms: " +
            string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + " " + o.Value)));
        Assert.True(findings.Count == 0, findings.Count + " findings (seed " + seed + "):" + Environment.NewLine + string.Join(Environment.NewLine, findings.Take(30)));
    }

    /// <summary>"compiles", "diagnosed", or "finding: ..." for one mutated project.</summary>
    internal static string Check(IReadOnlyList<ModelSource> models)
    {
        GeneratorRun run;
        try
        {
            run = TestHarness.Run(models);
        }
        catch (Exception ex)
        {
            return "finding: the driver threw " + ex.GetType().Name + ": " + ex.Message;
        }

        if (run.Result.Exception is { } thrown)
        {
            return "finding: exception escaped: " + thrown.GetType().Name + ": " + thrown.Message;
        }

        var diagnostics = run.AllGeneratorDiagnostics;
        var foreign = diagnostics.Where(d => !d.Id.StartsWith("CTGEN", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (foreign.Count > 0)
        {
            return "finding: compiler reported on the generator: " + foreign[0];
        }

        if (diagnostics.FirstOrDefault(d => d.Id == "CTGEN099") is { } internalError)
        {
            return "finding: internal error: " + internalError.GetMessage(CultureInfo.InvariantCulture);
        }

        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var unpositioned = errors.FirstOrDefault(d => d.Location == Location.None || string.IsNullOrEmpty(d.Location.GetLineSpan().Path));
            return unpositioned is null ? "diagnosed" : "finding: CTGEN error without a position: " + unpositioned;
        }

        var compileErrors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return compileErrors.Count == 0
            ? "compiles"
            : "finding: generated code does not compile and no CTGEN error says why: " + compileErrors[0];
    }

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
