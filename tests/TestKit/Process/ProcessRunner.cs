using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Testing;

/// <summary>
/// Runs the programs tests drive (real AWS clients, python3, node, dotnet, the standalone fake): arguments passed one
/// by one (never re-parsed from a joined string), both streams captured without deadlock, a timeout that kills the
/// whole process tree and says so in the result, never a fixed sleep. A missing program fails the test with the
/// command that installs it.
/// </summary>
public static class ProcessRunner
{
    /// <summary>
    /// The AppContext switch a test project sets (RuntimeHostConfigurationOption in its csproj) to choose the folder
    /// its processes start in when a call names none; without it, the test output folder.
    /// </summary>
    public const string WorkingDirectorySwitch = "CloudTrailSdk.Testing.ProcessWorkingDirectory";

    // After the child exits, how long its streams may stay open (held by a grandchild) before the result is taken as is.
    internal static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(15);

    // After a kill, how long the OS gets to end the tree before the result is reported anyway.
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(30);

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Where a process starts when its caller names no folder (see <see cref="WorkingDirectorySwitch"/>).</summary>
    public static string DefaultWorkingDirectory => AppContext.GetData(WorkingDirectorySwitch) as string ?? AppContext.BaseDirectory;

    /// <summary>
    /// The start of <paramref name="file"/> with <paramref name="args"/>: in <paramref name="workingDirectory"/> (else
    /// <see cref="DefaultWorkingDirectory"/>), with the test's environment plus <paramref name="environment"/> and
    /// without the variables in <paramref name="removeVariables"/>; every stream redirected, text in UTF-8.
    /// </summary>
    public static ProcessStartInfo StartInfo(
        string file,
        IEnumerable<string> args,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        IEnumerable<string>? removeVariables = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(args);
        var info = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8NoBom,
            StandardOutputEncoding = Utf8NoBom,
            StandardErrorEncoding = Utf8NoBom,
            WorkingDirectory = workingDirectory ?? DefaultWorkingDirectory,
        };
        var index = 0;
        foreach (var arg in args)
        {
            if (arg is null)
            {
                throw new ArgumentException("Argument " + index + " of `" + file + "` is null; pass string.Empty for an empty argument.", nameof(args));
            }

            info.ArgumentList.Add(arg);
            index++;
        }

        foreach (var name in removeVariables ?? [])
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            if (name.Length == 0 || name.Contains('='))
            {
                throw new ArgumentException("`" + name + "` is not an environment variable name (for `" + file + "`).", nameof(environment));
            }

            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>
    /// Starts a long-running process (a server the test talks to) and hands it over: the caller reads its streams and
    /// ends it. Its stdin stays open until the caller closes it.
    /// </summary>
    /// <exception cref="ToolNotFoundException">The program is not installed.</exception>
    /// <exception cref="DirectoryNotFoundException">The working directory does not exist.</exception>
    public static Process Start(ProcessStartInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentException.ThrowIfNullOrWhiteSpace(info.FileName, nameof(info) + "." + nameof(info.FileName));

        // Checked first: the OS reports a missing working directory exactly as a missing program.
        if (info.WorkingDirectory.Length > 0 && !Directory.Exists(info.WorkingDirectory))
        {
            throw new DirectoryNotFoundException("Cannot run `" + CommandLine(info) + "`: its working directory " + info.WorkingDirectory + " does not exist.");
        }

        if (ExternalTools.Locate(info.FileName) is null)
        {
            throw new ToolNotFoundException(info.FileName);
        }

        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException("`" + CommandLine(info) + "` did not start a process.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("Cannot run `" + CommandLine(info) + "` in " + info.WorkingDirectory + ": " + e.Message, e);
        }
    }

    /// <summary>
    /// Runs <paramref name="info"/> to its end: writes <paramref name="standardInput"/> (if any) and closes stdin,
    /// captures both streams, and after <paramref name="timeout"/> kills the whole process tree and returns a result
    /// that says it timed out. Cancelling <paramref name="cancellationToken"/> kills the tree too, then throws.
    /// </summary>
    /// <exception cref="ToolNotFoundException">The program is not installed.</exception>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo info, TimeSpan timeout, string? standardInput = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout for `" + CommandLine(info) + "` must be positive.");
        }

        // A ProcessStartInfo built elsewhere still gets captured streams, and a closed stdin rather than the test host's.
        info.UseShellExecute = false;
        info.RedirectStandardInput = info.RedirectStandardOutput = info.RedirectStandardError = true;

        var clock = Stopwatch.StartNew();
        using var process = Start(info);
        var stdout = new StreamCapture(process.StandardOutput);
        var stderr = new StreamCapture(process.StandardError);
        var feeding = FeedAsync(process.StandardInput, standardInput);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillTreeAsync(process).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        var elapsed = clock.Elapsed;
        await Task.WhenAll(stdout.WaitForEndAsync(DrainGrace), stderr.WaitForEndAsync(DrainGrace), feeding).ConfigureAwait(false);
        return new ProcessResult(CommandLine(info), info.WorkingDirectory, process.HasExited ? process.ExitCode : -1, stdout.Text, stderr.Text, elapsed, timedOut);
    }

    /// <summary><see cref="RunAsync"/> for callers that cannot await (xunit fixtures, synchronous helpers).</summary>
    public static ProcessResult Run(ProcessStartInfo info, TimeSpan timeout, string? standardInput = null) =>
        RunAsync(info, timeout, standardInput).GetAwaiter().GetResult();

    /// <summary>The command as a POSIX shell would take it, for messages: arguments that need it in single quotes.</summary>
    public static string CommandLine(ProcessStartInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return string.Join(' ', new[] { info.FileName }.Concat(info.ArgumentList).Select(Quote));
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_-.,/:=@%+".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static async Task FeedAsync(StreamWriter input, string? text)
    {
        try
        {
            if (text is not null)
            {
                await input.WriteAsync(text).ConfigureAwait(false);
                await input.FlushAsync().ConfigureAwait(false);
            }

            input.Close();
        }
        catch (IOException)
        {
            // The child exited without reading all of its input; its exit code and streams tell the test why.
        }
    }

    /// <summary>Kills <paramref name="process"/> and everything it started, and waits (boundedly) for the end.</summary>
    internal static async Task KillTreeAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }

        try
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(KillGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Reported with exit code -1: the result still says it timed out.
        }
    }
}
