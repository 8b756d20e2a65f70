using System;
using System.Globalization;
using System.Text;

namespace CloudTrailSdk.Testing;

/// <summary>
/// How one run of a program ended. <see cref="ToString"/> is written for assertion messages: the command as a shell
/// would take it, where it ran, how it ended, how long it took, and both streams.
/// </summary>
/// <param name="CommandLine">The program and its arguments, quoted where a shell would need it.</param>
/// <param name="WorkingDirectory">The folder it ran in.</param>
/// <param name="ExitCode">Its exit code; after a timeout, the code of the kill.</param>
/// <param name="Stdout">Everything it wrote on stdout.</param>
/// <param name="Stderr">Everything it wrote on stderr.</param>
/// <param name="Elapsed">From start to exit (and, after a timeout, to the kill).</param>
/// <param name="TimedOut">It did not end within its timeout, so its whole process tree was killed.</param>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, bool TimedOut)
{
    /// <summary>It ended by itself with exit code 0.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>stdout followed by stderr, for a test that looks for a line wherever the program wrote it.</summary>
    public string Output => Stdout + Stderr;

    /// <summary>The whole report, both streams in full.</summary>
    public override string ToString() => Describe(int.MaxValue);

    /// <summary>The report with the last <paramref name="tailLines"/> lines of each stream (where build tools put their summary).</summary>
    public string Describe(int tailLines = 80)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tailLines);
        var code = ExitCode.ToString(CultureInfo.InvariantCulture);
        var ending = TimedOut
            ? "TIMED OUT after " + Seconds(Elapsed) + " s; its process tree was killed (exit " + code + ")"
            : "exit " + code + " after " + Seconds(Elapsed) + " s";
        return Report(CommandLine, WorkingDirectory, ending, Stdout, Stderr, tailLines);
    }

    /// <summary>The report's layout, shared with a process still running (<see cref="RunningProcess"/>).</summary>
    internal static string Report(string commandLine, string workingDirectory, string ending, string stdout, string stderr, int tailLines)
    {
        var report = new StringBuilder();
        report.Append('`').Append(commandLine).Append("` in ").Append(workingDirectory).Append(": ").Append(ending);
        AppendStream(report, "stdout", stdout, tailLines);
        AppendStream(report, "stderr", stderr, tailLines);
        return report.ToString();
    }

    internal static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static void AppendStream(StringBuilder report, string name, string text, int tailLines)
    {
        report.Append("\n--- ").Append(name);
        if (text.Length == 0)
        {
            report.Append(" (empty)");
            return;
        }

        var lines = text.TrimEnd('\n').Split('\n');
        if (lines.Length > tailLines)
        {
            report.Append(" (last ").Append(tailLines).Append(" of ").Append(lines.Length).Append(" lines)");
            lines = lines[^tailLines..];
        }

        report.Append('\n').AppendJoin('\n', lines);
    }
}
