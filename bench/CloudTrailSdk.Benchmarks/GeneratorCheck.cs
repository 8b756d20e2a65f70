using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// <c>--generator-check</c>: runs each benchmark scenario once (after a warm-up) with step tracking on, prints what
/// was generated and what was re-emitted, and fails if an unrelated edit re-emitted anything.
/// </summary>
internal static class GeneratorCheck
{
    public static int Run()
    {
        var harness = new GeneratorInputs();
        Console.WriteLine("Repository root: " + harness.RepoRoot);

        // Warm-up: JIT the generator and Roslyn's driver paths once, through all three scenarios.
        var warm = harness.CreateDriver(trackSteps: true).RunGenerators(harness.Compilation);
        warm = warm.RunGenerators(harness.EditedCompilation);
        warm.ReplaceAdditionalText(harness.Service, harness.ServiceEdited).RunGenerators(harness.EditedCompilation);

        // 1. Cold full run.
        var sw = Stopwatch.StartNew();
        var driver = harness.CreateDriver(trackSteps: true).RunGenerators(harness.Compilation);
        sw.Stop();
        var cold = Single(driver);
        Console.WriteLine();
        Console.WriteLine($"ColdFullRun: {cold.GeneratedSources.Length} generated sources, {cold.Diagnostics.Length} diagnostics, {sw.Elapsed.TotalMilliseconds:F1} ms");
        foreach (var diagnostic in cold.Diagnostics)
        {
            Console.WriteLine("  " + diagnostic);
        }

        var failures = new List<string>();
        if (cold.GeneratedSources.Length == 0)
        {
            failures.Add("the cold run generated no sources");
        }

        // 2. Unrelated edit: same model, the compilation's only syntax tree replaced.
        sw.Restart();
        driver = driver.RunGenerators(harness.EditedCompilation);
        sw.Stop();
        var unrelated = Single(driver);
        var unrelatedReemitted = Report("RerunAfterUnrelatedEdit", unrelated, sw.Elapsed);
        if (unrelatedReemitted != 0)
        {
            failures.Add($"the unrelated edit re-emitted {unrelatedReemitted} output(s)");
        }

        if (unrelated.GeneratedSources.Length != cold.GeneratedSources.Length)
        {
            failures.Add("the unrelated edit changed the number of generated sources");
        }

        // 3. One shape changed in service-2.json.
        sw.Restart();
        driver = driver.ReplaceAdditionalText(harness.Service, harness.ServiceEdited).RunGenerators(harness.EditedCompilation);
        sw.Stop();
        var shape = Single(driver);
        var shapeReemitted = Report("RerunAfterOneShapeEdit", shape, sw.Elapsed);
        if (shapeReemitted == 0)
        {
            // Not the claim under test, but a zero here would mean the counting itself sees nothing.
            failures.Add("the one-shape edit re-emitted nothing, so the re-emit count cannot be trusted");
        }

        Console.WriteLine();
        if (failures.Count == 0)
        {
            Console.WriteLine("OK: after an unrelated edit the generator re-emitted nothing.");
            return 0;
        }

        foreach (var failure in failures)
        {
            Console.WriteLine("FAIL: " + failure);
        }

        return 1;
    }

    private static GeneratorRunResult Single(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    /// <summary>Prints the run and returns how many source outputs were re-emitted (New or Modified).</summary>
    private static int Report(string name, GeneratorRunResult result, TimeSpan elapsed)
    {
        var outputs = IncrementalityCheck.OutputReasons(result);
        var reemitted = IncrementalityCheck.Reemitted(result).Count;
        Console.WriteLine();
        Console.WriteLine($"{name}: {result.GeneratedSources.Length} generated sources, {elapsed.TotalMilliseconds:F1} ms");
        Console.WriteLine($"  output step outputs: {outputs.Count}; re-emitted (New/Modified): {reemitted}; by reason: {ByReason(outputs.Select(static o => o.Reason))}");
        foreach (var step in result.TrackedSteps.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            var reasons = step.Value.SelectMany(static s => s.Outputs).Select(static o => o.Reason);
            Console.WriteLine($"  step {step.Key}: {ByReason(reasons)}");
        }

        return reemitted;
    }

    private static string ByReason(IEnumerable<IncrementalStepRunReason> reasons) =>
        string.Join(", ", reasons.GroupBy(static r => r).OrderBy(static g => g.Key).Select(static g => g.Key + "=" + g.Count()));
}
