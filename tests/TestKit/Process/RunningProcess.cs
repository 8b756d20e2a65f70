using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Testing;

/// <summary>
/// A program a test keeps running while it talks to it (a server, a signature verifier): its stdout read line by line
/// so the test can wait for the line that says it is ready instead of sleeping, stderr captured, stdin open until
/// <see cref="StopAsync"/>, and the whole process tree killed if it will not stop or the test ends first.
/// </summary>
public sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessStartInfo _info;
    private readonly Stopwatch _clock;
    private readonly StreamCapture _stderr;
    private readonly Task _stdoutPump;
    private readonly StringBuilder _stdout = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string?> Found)> _waiters = [];
    private bool _stdoutEnded;
    private bool _killed;
    private ProcessResult? _disposedAs;

    private RunningProcess(Process process, ProcessStartInfo info, Stopwatch clock)
    {
        _process = process;
        _info = info;
        _clock = clock;
        _stderr = new StreamCapture(process.StandardError);
        _stdoutPump = PumpLinesAsync(process.StandardOutput);
    }

    /// <summary>Its stdin, for a test that talks to it; <see cref="StopAsync"/> closes it.</summary>
    public StreamWriter Input => _process.StandardInput;

    /// <summary>Whether it has ended.</summary>
    public bool HasExited => _disposedAs is not null || _process.HasExited;

    /// <summary>What it wrote on stdout so far.</summary>
    public string Stdout
    {
        get
        {
            lock (_lines)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>What it wrote on stderr so far.</summary>
    public string Stderr => _stderr.Text;

    /// <summary>Starts <paramref name="info"/> (built with <see cref="ProcessRunner.StartInfo"/>) and returns at once.</summary>
    /// <exception cref="ToolNotFoundException">The program is not installed.</exception>
    public static RunningProcess Start(ProcessStartInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.UseShellExecute = false;
        info.RedirectStandardInput = info.RedirectStandardOutput = info.RedirectStandardError = true;
        var clock = Stopwatch.StartNew();
        return new RunningProcess(ProcessRunner.Start(info), info, clock);
    }

    /// <summary>
    /// The first stdout line (already printed or still to come) that <paramref name="match"/> accepts. Fails with
    /// everything the process said when it ends first or <paramref name="timeout"/> passes.
    /// </summary>
    /// <exception cref="InvalidOperationException">It ended without printing such a line.</exception>
    /// <exception cref="TimeoutException">No such line within <paramref name="timeout"/>.</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = (match, found);
        lock (_lines)
        {
            foreach (var line in _lines)
            {
                if (match(line))
                {
                    return line;
                }
            }

            if (_stdoutEnded)
            {
                found.SetResult(null);
            }
            else
            {
                _waiters.Add(waiter);
            }
        }

        try
        {
            var line = await found.Task.WaitAsync(timeout).ConfigureAwait(false);
            if (line is null)
            {
                // stdout ended; give the exit a moment to be reported so the message says how it ended.
                await WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                throw new InvalidOperationException("It closed stdout without printing the line the test waits for. " + this);
            }

            return line;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("It printed no line the test waits for within " + timeout.TotalSeconds + " s. " + this);
        }
        finally
        {
            lock (_lines)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>
    /// Closes stdin (which tells a well-behaved child to end), waits up to <paramref name="grace"/> for it to exit,
    /// else kills its whole tree (the result says so), and returns how it ended.
    /// </summary>
    public async Task<ProcessResult> StopAsync(TimeSpan grace)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It already ended and the pipe is gone.
        }

        if (!await WaitForExitAsync(grace).ConfigureAwait(false))
        {
            await KillAsync().ConfigureAwait(false);
        }

        var elapsed = _clock.Elapsed;
        try
        {
            await Task.WhenAll(_stdoutPump.WaitAsync(ProcessRunner.DrainGrace), _stderr.WaitForEndAsync(ProcessRunner.DrainGrace)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A grandchild holds stdout open: report what arrived.
        }

        return Snapshot(elapsed);
    }

    /// <summary>Kills the whole tree if it is still running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposedAs is not null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            await KillAsync().ConfigureAwait(false);
        }

        _disposedAs = Snapshot(_clock.Elapsed);
        _process.Dispose();
    }

    /// <summary>The command, whether it still runs, and both streams so far: for assertion messages.</summary>
    public override string ToString() => _disposedAs is not null ? _disposedAs.ToString() : _process.HasExited
        ? Snapshot(_clock.Elapsed).ToString()
        : ProcessResult.Report(ProcessRunner.CommandLine(_info), _info.WorkingDirectory, "still running after " + ProcessResult.Seconds(_clock.Elapsed) + " s", Stdout, Stderr, int.MaxValue);

    private ProcessResult Snapshot(TimeSpan elapsed) =>
        new(ProcessRunner.CommandLine(_info), _info.WorkingDirectory, _process.HasExited ? _process.ExitCode : -1, Stdout, Stderr, elapsed, _killed);

    private async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private Task KillAsync()
    {
        _killed = true;
        return ProcessRunner.KillTreeAsync(_process);
    }

    private async Task PumpLinesAsync(StreamReader reader)
    {
        try
        {
            string? line;
            while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) is not null)
            {
                lock (_lines)
                {
                    _stdout.Append(line).Append('\n');
                    _lines.Add(line);
                    foreach (var (match, found) in _waiters)
                    {
                        if (match(line))
                        {
                            found.TrySetResult(line);
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Disposed while a grandchild still held the pipe.
        }
        finally
        {
            lock (_lines)
            {
                _stdoutEnded = true;
                foreach (var (_, found) in _waiters)
                {
                    found.TrySetResult(null);
                }
            }
        }
    }
}
