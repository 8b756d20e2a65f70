using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Auth.Providers;

/// <summary>
/// <c>credential_process</c>: runs the profile's command (through <c>/bin/sh -c</c>, or <c>cmd.exe /C</c> on Windows, so
/// quoting works as in a terminal) and reads its standard output, a JSON document with <c>"Version": 1</c>.
/// </summary>
internal sealed class ProcessCredentialsProvider : RefreshingCredentialsProvider
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private readonly string _command;
    private readonly string _profile;

    public ProcessCredentialsProvider(string command, string profile, TimeProvider time)
        : base(time)
    {
        _command = command;
        _profile = profile;
    }

    public string Source => "credential_process of profile '" + _profile + "'";

    public override string ToString() => "ProcessCredentialsProvider { profile = " + _profile + " }";

    protected override async Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var windows = OperatingSystem.IsWindows();
        var start = new ProcessStartInfo(windows ? "cmd.exe" : "/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.ArgumentList.Add(windows ? "/C" : "-c");
        start.ArgumentList.Add(_command);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new AwsCredentialsException(Source, "the command could not be started: " + ex.Message, ex);
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timer = new CancellationTokenSource(Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new AwsCredentialsException(Source, "the command did not finish within " + Timeout.TotalSeconds + " s.");
        }

        var output = await stdout.ConfigureAwait(false);
        var errors = (await stderr.ConfigureAwait(false)).Trim();
        if (process.ExitCode != 0)
        {
            // Standard error is the command's own diagnostics; standard output may hold credentials, so it is never shown.
            var detail = errors.Length == 0 ? string.Empty : ": " + (errors.Length > 300 ? errors[..300] + "…" : errors);
            throw new AwsCredentialsException(Source, "the command exited with code " + process.ExitCode + detail);
        }

        return CredentialsJson.Parse(System.Text.Encoding.UTF8.GetBytes(output), Source, requireVersion1: true);
    }
}
