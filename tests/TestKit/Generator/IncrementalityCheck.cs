using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Testing;

/// <summary>
/// The one reading of "did the generator re-emit anything": the outputs of its source-output steps that a run
/// produced anew (New or Modified). The incrementality tests and bench's --generator-check both ask it.
/// </summary>
public static class IncrementalityCheck
{
    /// <summary>Every output of every source-output step, with its step name and why it ran.</summary>
    public static IReadOnlyList<(string Step, IncrementalStepRunReason Reason)> OutputReasons(GeneratorRunResult result) =>
        result.TrackedOutputSteps
            .SelectMany(p => p.Value.SelectMany(step => step.Outputs).Select(o => (p.Key, o.Reason)))
            .ToList();

    /// <summary>The outputs that were re-emitted: <see cref="IncrementalStepRunReason.New"/> or <see cref="IncrementalStepRunReason.Modified"/>.</summary>
    public static IReadOnlyList<(string Step, IncrementalStepRunReason Reason)> Reemitted(GeneratorRunResult result) =>
        OutputReasons(result).Where(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified).ToList();
}
