using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CloudTrailSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace CloudTrailSdk.Generator.Tests.Sweep;

/// <summary>
/// Generates and compiles every json-protocol model in the installed botocore, in batches so one test never holds
/// more than a handful of compilations. Every model must give no generator warning or error, and no compile warning
/// or error.
/// </summary>
[Trait("Category", "Sweep")]
public sealed class JsonServiceSweepTests
{
    public const int Batches = 8;

    private readonly ITestOutputHelper _output;

    public JsonServiceSweepTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> BatchNumbers() => Enumerable.Range(0, Batches).Select(i => new object[] { i });

    [Fact]
    public void Sweep_FindsTheJsonServices()
    {
        // botocore 1.43 has about 150; far fewer means the locator or the protocol filter broke.
        Assert.True(JsonServiceModels.Services.Count > 100, "Only " + JsonServiceModels.Services.Count + " json services found under " + JsonServiceModels.DataRoot);
        Assert.Contains("cloudwatch", JsonServiceModels.Services);
        Assert.Contains("kms", JsonServiceModels.Services);
    }

    [Theory]
    [MemberData(nameof(BatchNumbers))]
    public void EveryJsonService_CompilesWithoutWarnings(int batch)
    {
        var services = JsonServiceModels.Services.Where((_, i) => i % Batches == batch).ToList();
        var failures = new List<string>();
        var total = Stopwatch.StartNew();
        foreach (var service in services)
        {
            var watch = Stopwatch.StartNew();
            var problems = Check(service);
            _output.WriteLine(service + ": " + (problems.Count == 0 ? "ok" : problems.Count + " problems") + " in " + watch.ElapsedMilliseconds + " ms");
            if (problems.Count > 0)
            {
                failures.Add(service + ":" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems.Take(8)));
            }
        }

        _output.WriteLine("batch " + batch + ": " + (services.Count - failures.Count) + "/" + services.Count + " clean in " + total.ElapsedMilliseconds + " ms");
        Assert.True(failures.Count == 0, failures.Count + " of " + services.Count + " services are not clean:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    /// <summary>Everything wrong with one service: generator failure, generator diagnostics of warning level and up, compile warnings and errors.</summary>
    internal static List<string> Check(string service)
    {
        var run = TestHarness.Run(JsonServiceModels.Load(service));
        var problems = new List<string>();
        if (run.Result.Exception is { } ex)
        {
            problems.Add("generator threw " + ex.GetType().Name + ": " + ex.Message);
        }

        problems.AddRange(run.AllGeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        if (run.Result.GeneratedSources.Length == 0)
        {
            problems.Add("nothing was generated");
        }

        problems.AddRange(run.OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString()));
        return problems;
    }
}
