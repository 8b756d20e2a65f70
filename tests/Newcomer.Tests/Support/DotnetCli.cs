using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace CloudTrailSdk.Newcomer.Tests.Support;

/// <summary>The result of one <c>dotnet</c> command: exit code, interleaved stdout and stderr, and how long it took.</summary>
public sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Duration)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>A readable report for assertion messages (the last lines of the output, where MSBuild puts the summary).</summary>
    public string Describe(int tailLines = 80)
    {
        var lines = Output.Split('\n');
        var tail = lines.Length <= tailLines ? Output : string.Join('\n', lines[^tailLines..]);
        return $"`{CommandLine}` in {WorkingDirectory} exited {ExitCode} after {Duration.TotalSeconds:F1} s:\n{tail}";
    }
}

/// <summary>
/// Runs the dotnet CLI as a fresh process, insulated from the `dotnet test` process that hosts the test: the MSBuild
/// variables it sets would point the child at the parent's MSBuild, and build servers left running would hold the
/// output pipes (and files) open after the command ends.
/// </summary>
internal static class DotnetCli
{
    private static readonly string Executable = FindDotnet();

    public static CommandResult Run(string workingDirectory, IReadOnlyList<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var inherited = new List<string>();
        foreach (var key in start.Environment.Keys)
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase) || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                inherited.Add(key);
            }
        }

        foreach (var key in inherited)
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        var commandLine = "dotnet " + string.Join(' ', arguments);
        var output = new StringBuilder();
        var stdoutDone = new TaskCompletionSource();
        var stderrDone = new TaskCompletionSource();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data, stdoutDone);
        process.ErrorDataReceived += (_, e) => Append(e.Data, stderrDone);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
            throw new Xunit.Sdk.XunitException(
                new CommandResult(commandLine, workingDirectory, -1, Snapshot(), stopwatch.Elapsed).Describe() + $"\n(timed out after {timeout.TotalSeconds:F0} s)");
        }

        // The exit is known; give the pipes a moment to drain, but never hang on a grandchild that kept them open.
        Task.WaitAll([stdoutDone.Task, stderrDone.Task], TimeSpan.FromSeconds(15));
        return new CommandResult(commandLine, workingDirectory, process.ExitCode, Snapshot(), stopwatch.Elapsed);

        void Append(string? line, TaskCompletionSource done)
        {
            if (line is null)
            {
                done.TrySetResult();
                return;
            }

            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }

        string Snapshot()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private static string FindDotnet()
    {
        // The host that runs this test is the SDK's dotnet; use the same one.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && System.IO.File.Exists(host))
        {
            return host;
        }

        var self = Environment.ProcessPath;
        if (self is not null && System.IO.Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        return "dotnet";
    }
}
