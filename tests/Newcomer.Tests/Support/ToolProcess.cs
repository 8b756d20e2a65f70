using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

namespace CloudTrailSdk.Newcomer.Tests.Support;

/// <summary>
/// An installed dotnet tool running as a server: started with its flags, considered up once it prints the address it
/// bound ("Listening on URL"), killed with its process tree on dispose. Its output is kept for assertion messages.
/// </summary>
public sealed class ToolProcess : IDisposable
{
    private static readonly Regex Listening = new(@"Listening on (?<url>http://\S+)");

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly ManualResetEventSlim _bound = new();
    private string? _url;

    private ToolProcess(Process process) => _process = process;

    /// <summary>The address the tool printed, e.g. http://127.0.0.1:41234.</summary>
    public string Url => _url ?? throw new InvalidOperationException("The tool has not reported an address.");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ToolProcess Start(string executable, IReadOnlyList<string> arguments, TimeSpan startTimeout)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(executable)!,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A framework-dependent tool finds the runtime through DOTNET_ROOT when dotnet is not installed system-wide.
        var dotnetRoot = DotnetRoot();
        if (dotnetRoot is not null)
        {
            start.Environment["DOTNET_ROOT"] = dotnetRoot;
        }

        var tool = new ToolProcess(new Process { StartInfo = start });
        tool._process.OutputDataReceived += (_, e) => tool.Append(e.Data);
        tool._process.ErrorDataReceived += (_, e) => tool.Append(e.Data);
        tool._process.Start();
        tool._process.BeginOutputReadLine();
        tool._process.BeginErrorReadLine();
        if (!tool._bound.Wait(startTimeout))
        {
            var exited = tool._process.HasExited ? $"exited {tool._process.ExitCode}" : "still running";
            tool.Dispose();
            throw new Xunit.Sdk.XunitException($"{executable} printed no 'Listening on' line within {startTimeout.TotalSeconds:F0} s ({exited}):\n{tool.Output}");
        }

        return tool;
    }

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

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
        _bound.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
        }

        var match = Listening.Match(line);
        if (match.Success && _url is null)
        {
            _url = match.Groups["url"].Value;
            _bound.Set();
        }
    }
}
