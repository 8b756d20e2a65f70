using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Runtime.Tests.Support;

/// <summary>
/// The test kit's process runner, which every real-client and packaging test stands on. The child is /bin/sh, present
/// on every machine the README names, so these stay unit tests.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ProcessRunnerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    private static Task<ProcessResult> ShAsync(string script, IEnumerable<string>? args = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, IEnumerable<string>? remove = null, string? stdin = null, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync(
            ProcessRunner.StartInfo("sh", new[] { "-c", script, "sh" }.Concat(args ?? []), workingDirectory, environment, remove),
            timeout ?? Generous,
            stdin);

    [Fact]
    public async Task Arguments_arrive_one_by_one_exactly_as_given()
    {
        string[] args = ["two words", string.Empty, "it's", "\"quoted\"", "ünïcødé", "$HOME", "a;b|c"];

        var run = await ShAsync("""for a in "$@"; do printf '[%s]' "$a"; done""", args);

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal(string.Concat(args.Select(a => "[" + a + "]")), run.Stdout);
    }

    [Fact]
    public async Task Exit_code_and_both_streams_are_captured_and_the_report_shows_them()
    {
        var run = await ShAsync("echo to-out; echo to-err >&2; exit 3");

        Assert.Equal(3, run.ExitCode);
        Assert.False(run.Succeeded);
        Assert.False(run.TimedOut);
        Assert.Equal("to-out\n", run.Stdout);
        Assert.Equal("to-err\n", run.Stderr);
        var report = run.ToString();
        Assert.Contains("`sh -c 'echo to-out; echo to-err >&2; exit 3' sh`", report, StringComparison.Ordinal);
        Assert.Contains("exit 3 after ", report, StringComparison.Ordinal);
        Assert.Contains("--- stdout\nto-out", report, StringComparison.Ordinal);
        Assert.Contains("--- stderr\nto-err", report, StringComparison.Ordinal);
        Assert.True(run.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public async Task It_runs_in_the_working_directory_given()
    {
        var directory = Directory.CreateTempSubdirectory("ct-process-runner-").FullName;
        try
        {
            var run = await ShAsync("pwd -P", workingDirectory: directory);

            Assert.True(run.Succeeded, run.ToString());
            Assert.Equal(new DirectoryInfo(directory).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory, run.Stdout.TrimEnd('\n'));
            Assert.Equal(directory, run.WorkingDirectory);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void Without_a_working_directory_it_runs_in_the_test_output_folder()
    {
        // Runtime.Tests sets no CloudTrailSdk.Testing.ProcessWorkingDirectory switch.
        Assert.Equal(AppContext.BaseDirectory, ProcessRunner.StartInfo("sh", []).WorkingDirectory);
    }

    [Fact]
    public async Task Environment_variables_are_added_replaced_and_removed()
    {
        var inherited = "CT_PROCESS_RUNNER_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(inherited, "from-the-test-host");
        try
        {
            const string script = """printf '%s|%s|%s' "${ADDED-unset}" "${HOME-unset}" "$(printenv "$1" || echo unset)" """;

            var untouched = await ShAsync(script, [inherited]);
            var changed = await ShAsync(script, [inherited], environment: new Dictionary<string, string> { ["ADDED"] = "added value", ["HOME"] = "/replaced" }, remove: [inherited]);

            Assert.True(untouched.Succeeded && changed.Succeeded, untouched + "\n" + changed);
            Assert.Equal("unset|" + (Environment.GetEnvironmentVariable("HOME") ?? "unset") + "|from-the-test-host", untouched.Stdout);
            Assert.Equal("added value|/replaced|unset", changed.Stdout);
        }
        finally
        {
            Environment.SetEnvironmentVariable(inherited, null);
        }
    }

    [Fact]
    public async Task Stdin_text_is_written_in_utf8_and_closed()
    {
        const string text = "first line\nsecond: ünïcødé ✓\n";

        var echoed = await ShAsync("cat", stdin: text);
        var none = await ShAsync("cat");

        Assert.True(echoed.Succeeded, echoed.ToString());
        Assert.Equal(text, echoed.Stdout);
        Assert.True(none.Succeeded, none.ToString());
        Assert.Equal(string.Empty, none.Stdout);
    }

    [Fact]
    public async Task Large_output_on_both_streams_does_not_deadlock()
    {
        // stderr first: a runner that read stdout to its end before touching stderr would wait forever on a full pipe.
        var run = await ShAsync("seq 1 50000 >&2; seq 1 50000; seq 1 50000 >&2");

        Assert.True(run.Succeeded, run.Describe(5));
        Assert.Equal(50000, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(100000, run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("(last 5 of 50000 lines)", run.Describe(5), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_kills_the_whole_tree_and_the_result_says_so()
    {
        // The shell starts a grandchild that would outlive it and keep the output pipe open, then waits on it.
        var run = await ShAsync("sleep 600 & echo $!; wait", timeout: TimeSpan.FromSeconds(2));

        Assert.True(run.TimedOut, run.ToString());
        Assert.False(run.Succeeded);
        Assert.Contains("TIMED OUT after ", run.ToString(), StringComparison.Ordinal);
        Assert.Contains("process tree was killed", run.ToString(), StringComparison.Ordinal);
        var grandchild = int.Parse(run.Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(IsRunning(grandchild), "the grandchild sleep (pid " + grandchild + ") survived the kill");
    }

    [Fact]
    public async Task Cancelling_kills_the_process_and_throws()
    {
        using var cancel = new CancellationTokenSource();
        var info = ProcessRunner.StartInfo("sh", ["-c", "echo started; exec sleep 600"]);
        var running = ProcessRunner.RunAsync(info, Generous, cancellationToken: cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Theory]
    [InlineData("/nonexistent-ct-tools/python3", "python3 -m pip install boto3 botocore")]
    [InlineData("/nonexistent-ct-tools/aws", "python3 -m pip install awscli")]
    [InlineData("/nonexistent-ct-tools/node", "sudo apt-get install -y nodejs npm")]
    [InlineData("/nonexistent-ct-tools/dotnet", "dotnet-install.sh")]
    public async Task A_missing_tool_fails_naming_the_command_that_installs_it(string program, string install)
    {
        var missing = await Assert.ThrowsAsync<ToolNotFoundException>(() => ProcessRunner.RunAsync(ProcessRunner.StartInfo(program, ["--version"]), Generous));

        Assert.Equal(program, missing.Program);
        Assert.Contains("`" + program + "` does not exist", missing.Message, StringComparison.Ordinal);
        Assert.Contains(install, missing.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/setup.sh", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_program_on_path_is_reported_as_not_on_path()
    {
        var missing = Assert.Throws<ToolNotFoundException>(() => ProcessRunner.Start(ProcessRunner.StartInfo("ct-no-such-tool-" + Guid.NewGuid().ToString("N"), [])));

        Assert.Contains("is not on PATH", missing.Message, StringComparison.Ordinal);
        Assert.Contains("put the folder that holds it on PATH", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Debians_cli_v2_and_pips_cli_v1_have_different_install_commands()
    {
        Assert.Equal("sudo apt-get install -y awscli", ExternalTools.InstallCommand(ExternalTools.DebianAwsCliV2));
        Assert.Equal("python3 -m pip install awscli", ExternalTools.InstallCommand("aws"));
        Assert.Null(ExternalTools.InstallCommand("ct-unknown-tool"));
    }

    [Fact]
    public void A_missing_working_directory_is_named_and_not_mistaken_for_a_missing_tool()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ct-missing-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<DirectoryNotFoundException>(() => ProcessRunner.Start(ProcessRunner.StartInfo("sh", ["-c", "true"], directory)));

        Assert.Contains(directory, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_are_rejected_with_what_is_wrong()
    {
        Assert.Throws<ArgumentException>(() => ProcessRunner.StartInfo(" ", []));
        var nullArgument = Assert.Throws<ArgumentException>(() => ProcessRunner.StartInfo("sh", ["-c", null!]));
        Assert.Contains("Argument 1 of `sh` is null", nullArgument.Message, StringComparison.Ordinal);
        var badName = Assert.Throws<ArgumentException>(() => ProcessRunner.StartInfo("sh", [], environment: new Dictionary<string, string> { ["A=B"] = "x" }));
        Assert.Contains("`A=B` is not an environment variable name", badName.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ProcessRunner.RunAsync(ProcessRunner.StartInfo("sh", []), TimeSpan.Zero));
    }

    internal static bool IsRunning(int pid)
    {
        // A zombie (state Z) is dead; only the reaper has not collected it yet, which in a container may be never.
        var stat = "/proc/" + pid + "/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
