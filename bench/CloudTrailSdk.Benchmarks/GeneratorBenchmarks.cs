using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// The generator over the CloudTrail model, hosted the way the compiler hosts it (step tracking off):
/// a cold run, a re-run after an edit the generator does not read, and a re-run after one shape changed.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private GeneratorInputs _harness = null!;
    private GeneratorDriver _unrelatedDriver = null!;
    private GeneratorDriver _shapeDriver = null!;
    private bool _unrelatedToggle;
    private bool _shapeToggle;

    /// <summary>Builds the inputs and brings both re-run drivers to a state where the generator has run once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _harness = new GeneratorInputs();
        _unrelatedDriver = _harness.CreateDriver(trackSteps: false).RunGenerators(_harness.Compilation);
        _shapeDriver = _harness.CreateDriver(trackSteps: false).RunGenerators(_harness.Compilation);
    }

    /// <summary>A fresh driver: parse the model, build every spec, emit every file.</summary>
    [Benchmark]
    public GeneratorDriver ColdFullRun() =>
        _harness.CreateDriver(trackSteps: false).RunGenerators(_harness.Compilation);

    /// <summary>
    /// Re-run after the compilation's syntax tree changed; alternates between the two compilations so every
    /// invocation sees a real edit.
    /// </summary>
    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit()
    {
        _unrelatedToggle = !_unrelatedToggle;
        CSharpCompilation next = _unrelatedToggle ? _harness.EditedCompilation : _harness.Compilation;
        _unrelatedDriver = _unrelatedDriver.RunGenerators(next);
        return _unrelatedDriver;
    }

    /// <summary>
    /// Re-run after service-2.json changed in one shape (MaxResults max 50 → 49); alternates between the two
    /// texts so every invocation sees a real edit.
    /// </summary>
    [Benchmark]
    public GeneratorDriver RerunAfterOneShapeEdit()
    {
        _shapeToggle = !_shapeToggle;
        var (from, to) = _shapeToggle
            ? (_harness.Service, _harness.ServiceEdited)
            : (_harness.ServiceEdited, _harness.Service);
        _shapeDriver = _shapeDriver.ReplaceAdditionalText(from, to).RunGenerators(_harness.Compilation);
        return _shapeDriver;
    }
}
