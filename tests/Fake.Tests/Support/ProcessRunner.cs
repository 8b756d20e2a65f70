using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>What a finished process said.</summary>
internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public override string ToString() => "exit " + ExitCode + " after " + Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "s\n--- stdout\n" + Stdout + "\n--- stderr\n" + Stderr;
}

/// <summary>Runs external programs (real AWS clients, the standalone server) with a bounded wait, never a fixed sleep.</summary>
internal static class ProcessRunner
{
    public static string ClientsDirectory { get; } = typeof(ProcessRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ClientsDirectory").Value!;

    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? ClientsDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public static async Task<ProcessResult> RunAsync(ProcessStartInfo info, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var process = Start(info);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(info.FileName + " " + string.Join(' ', info.ArgumentList) + " did not finish within " + timeout + ".\n" + await stdout + "\n" + await stderr);
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }

    public static Process Start(ProcessStartInfo info)
    {
        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException("Could not start " + info.FileName);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            // A missing client is a failure, not a skip: CI runs every real client, and a silent skip would hide that.
            throw new InvalidOperationException(info.FileName + " is not installed or not on PATH; the real-client tests need it. " + ex.Message, ex);
        }
    }

    /// <summary>Credentials and region as every AWS client reads them; no profile or config file from the machine leaks in.</summary>
    public static Dictionary<string, string> AwsEnvironment(string region, string accessKey = "AKIAFAKETESTKEY00001", string secret = "fake-secret") => new()
    {
        ["AWS_ACCESS_KEY_ID"] = accessKey,
        ["AWS_SECRET_ACCESS_KEY"] = secret,
        ["AWS_DEFAULT_REGION"] = region,
        ["AWS_REGION"] = region,
        ["AWS_CONFIG_FILE"] = "/nonexistent/aws-config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_PAGER"] = string.Empty,
        ["AWS_MAX_ATTEMPTS"] = "1",
    };
}
