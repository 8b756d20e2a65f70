using System;
using System.IO;

namespace CloudTrailSdk.Testing;

/// <summary>
/// A program a test runs is not installed. The test fails with this (it never skips: a skipped real-client test would
/// hide that CI ran without the client) and the message names the command that installs the program.
/// </summary>
public sealed class ToolNotFoundException : Exception
{
    /// <summary>Reports <paramref name="program"/> as missing.</summary>
    public ToolNotFoundException(string program)
        : base(Describe(program))
    {
        Program = program;
    }

    /// <summary>The program as the test named it (<c>python3</c>, <c>/usr/bin/aws</c>, …).</summary>
    public string Program { get; }

    private static string Describe(string program)
    {
        var where = Path.IsPathFullyQualified(program) || program.Contains('/')
            ? "`" + program + "` does not exist"
            : "`" + program + "` is not on PATH";
        var install = ExternalTools.InstallCommand(program);
        return install is null
            ? where + ", and this test needs it. Install it, or put the folder that holds it on PATH."
            : where + ", and this test needs it. Install it with: " + install + "  (or run " + ExternalTools.SetupScript
              + ", which installs every tool the tests use).";
    }
}
