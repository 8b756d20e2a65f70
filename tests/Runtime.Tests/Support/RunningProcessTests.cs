using System;
using System.Threading.Tasks;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Runtime.Tests.Support;

/// <summary>The test kit's handle on a long-running child (a server the test talks to). The child is /bin/sh.</summary>
[Trait("Category", "Unit")]
public sealed class RunningProcessTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    private static RunningProcess Sh(string script) => RunningProcess.Start(ProcessRunner.StartInfo("sh", ["-c", script]));

    [Fact]
    public async Task It_waits_for_the_line_that_says_ready_talks_over_stdin_and_stops_when_stdin_closes()
    {
        await using var child = Sh("""echo first; read reply; echo "got $reply"; read rest; echo "stopping" >&2""");

        Assert.Equal("first", await child.WaitForLineAsync(line => line.StartsWith("fir", StringComparison.Ordinal), Generous));
        await child.Input.WriteLineAsync("hello");
        await child.Input.FlushAsync();
        Assert.Equal("got hello", await child.WaitForLineAsync(line => line.StartsWith("got", StringComparison.Ordinal), Generous));
        // A line already printed is found again.
        Assert.Equal("first", await child.WaitForLineAsync(line => line == "first", Generous));

        var stopped = await child.StopAsync(Generous);

        Assert.True(stopped.Succeeded, stopped.ToString());
        Assert.Equal("first\ngot hello\n", stopped.Stdout);
        Assert.Equal("stopping\n", stopped.Stderr);
    }

    [Fact]
    public async Task A_child_that_ends_before_the_line_fails_the_wait_with_what_it_said()
    {
        await using var child = Sh("echo not-this; echo broken >&2; exit 4");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => child.WaitForLineAsync(line => line == "ready", Generous));

        Assert.Contains("exit 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("not-this", error.Message, StringComparison.Ordinal);
        Assert.Contains("broken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_that_never_comes_times_out_and_a_child_that_will_not_stop_is_killed()
    {
        await using var child = Sh("echo started; exec sleep 600");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => child.WaitForLineAsync(line => line == "ready", TimeSpan.FromSeconds(1)));
        Assert.Contains("still running after", error.Message, StringComparison.Ordinal);
        Assert.Contains("started", error.Message, StringComparison.Ordinal);

        // sleep ignores its closed stdin, so only the kill ends it.
        var stopped = await child.StopAsync(TimeSpan.FromSeconds(1));

        Assert.True(child.HasExited);
        Assert.True(stopped.TimedOut, stopped.ToString());
        Assert.Contains("process tree was killed", stopped.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_kills_a_child_still_running()
    {
        var child = Sh("echo $$; exec sleep 600");
        var pid = int.Parse(await child.WaitForLineAsync(_ => true, Generous), System.Globalization.CultureInfo.InvariantCulture);

        await child.DisposeAsync();

        Assert.True(child.HasExited);
        Assert.False(ProcessRunnerTests.IsRunning(pid), "sleep (pid " + pid + ") survived the dispose");
    }
}
