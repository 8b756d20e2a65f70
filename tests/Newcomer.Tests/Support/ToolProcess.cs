using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Newcomer.Tests.Support;

/// <summary>
/// An installed dotnet tool running as a server: started with its flags, considered up once it prints the address it
/// bound ("Listening on URL"), killed with its process tree on dispose. Its output is kept for assertion messages.
/// </summary>
public sealed class ToolProcess : IAsyncDisposable
{
    private static readonly Regex Listening = new(@"Listening on (?<url>http://\S+)");

    private readonly RunningProcess _process;

    private ToolProcess(RunningProcess process, string url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The address the tool printed, e.g. http://127.0.0.1:41234.</summary>
    public string Url { get; }

    public string Output => _process.Stdout + _process.Stderr;

    public static async Task<ToolProcess> StartAsync(string executable, IReadOnlyList<string> arguments, TimeSpan startTimeout)
    {
        // A framework-dependent tool finds the runtime through DOTNET_ROOT when dotnet is not installed system-wide.
        var environment = DotnetRoot() is { } root ? new Dictionary<string, string> { ["DOTNET_ROOT"] = root } : null;
        var process = RunningProcess.Start(ProcessRunner.StartInfo(executable, arguments, Path.GetDirectoryName(executable), environment));
        try
        {
            var line = await process.WaitForLineAsync(Listening.IsMatch, startTimeout);
            return new ToolProcess(process, Listening.Match(line).Groups["url"].Value);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static string? DotnetRoot()
    {
        // The host running this test is the SDK's dotnet (as `dotnet test` starts it), or DOTNET_HOST_PATH names it.
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"), Environment.ProcessPath })
        {
            if (!string.IsNullOrEmpty(candidate) && Path.GetFileNameWithoutExtension(candidate).Equals("dotnet", StringComparison.OrdinalIgnoreCase) && File.Exists(candidate))
            {
                return Path.GetDirectoryName(candidate);
            }
        }

        return Environment.GetEnvironmentVariable("DOTNET_ROOT");
    }
}
