using System;
using BenchmarkDotNet.Running;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// Entry point. <c>--generator-check</c> runs each scenario once and checks the incrementality claim;
/// anything else goes to BenchmarkDotNet.
/// </summary>
public static class Program
{
    /// <summary>Runs the generator check or the benchmarks.</summary>
    public static int Main(string[] args)
    {
        if (Array.IndexOf(args, "--generator-check") >= 0)
        {
            return GeneratorCheck.Run();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
