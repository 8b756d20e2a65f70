using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// The generator over the five largest json-protocol models in the installed botocore (by shape count), each with its
/// paginators, hosted as the compiler hosts it (step tracking off): a cold run with a fresh driver, a warm re-run after
/// an edit the generator does not read, and a re-run after the model file changed only in whitespace (re-read and
/// re-parsed, nothing re-emitted). Run it with the Monitoring strategy (one call per iteration; a cold run of the largest
/// takes seconds): <c>--filter '*LargeModel*' --inProcess --strategy Monitoring --warmupCount 2 --iterationCount 7</c>.
/// </summary>
[MemoryDiagnoser]
public class LargeModelGeneratorBenchmarks
{
    private ImmutableArray<AdditionalText> _texts;
    private ImmutableArray<AdditionalText> _touched;
    private ItemMetadataOptions _options = null!;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _touch = null!;
    private bool _toggle;
    private bool _touchToggle;

    /// <summary>The five largest json-protocol services, largest first.</summary>
    public static IEnumerable<string> Services() => JsonServiceModels.Largest(5);

    /// <summary>The botocore service folder name.</summary>
    [ParamsSource(nameof(Services))]
    public string Service { get; set; } = string.Empty;

    /// <summary>Loads the model and brings the warm drivers to the state after one run.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var models = JsonServiceModels.Load(Service);
        _options = new ItemMetadataOptions(models.ToDictionary(m => m.Path, m => m.Metadata(), StringComparer.Ordinal));
        _texts = models.Select(m => (AdditionalText)new InMemoryAdditionalText(m.Path, m.Text)).ToImmutableArray();
        _touched = _texts.SetItem(0, new InMemoryAdditionalText(models[0].Path, models[0].Text + " "));
        var harness = GeneratorInputs.Harness;
        _compilation = harness.CreateCompilation("namespace Bench { public static class Marker { public static int Value => 1; } }");
        var tree = _compilation.SyntaxTrees.Single();
        _edited = _compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText("namespace Bench { public static class Marker { public static int Value => 2; } }", harness.ParseOptions, tree.FilePath));
        _warm = harness.CreateDriver(_texts, _options, trackSteps: false).RunGenerators(_compilation);
        _touch = harness.CreateDriver(_texts, _options, trackSteps: false).RunGenerators(_compilation);
    }

    /// <summary>A fresh driver: read and parse the model, build every spec, emit every file.</summary>
    [Benchmark]
    public GeneratorDriver Cold() =>
        GeneratorInputs.Harness.CreateDriver(_texts, _options, trackSteps: false).RunGenerators(_compilation);

    /// <summary>The driver that has run, re-run after a C# edit it does not read (alternating, so each call is a real edit).</summary>
    [Benchmark]
    public GeneratorDriver WarmUnrelatedEdit()
    {
        _toggle = !_toggle;
        _warm = _warm.RunGenerators(_toggle ? _edited : _compilation);
        return _warm;
    }

    /// <summary>The driver that has run, re-run after service-2.json changed by one trailing space (alternating).</summary>
    [Benchmark]
    public GeneratorDriver WarmModelTouched()
    {
        _touchToggle = !_touchToggle;
        var (from, to) = _touchToggle ? (_texts[0], _touched[0]) : (_touched[0], _texts[0]);
        _touch = _touch.ReplaceAdditionalText(from, to).RunGenerators(_compilation);
        return _touch;
    }
}
