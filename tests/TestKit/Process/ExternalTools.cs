using System;
using System.IO;

namespace CloudTrailSdk.Testing;

/// <summary>
/// The programs the tests start, where they are found and how each is installed. Tests never install anything
/// (scripts/setup.sh does, once per machine), so a missing tool must fail the test with the one command that fixes it.
/// </summary>
public static class ExternalTools
{
    /// <summary>Where Debian's awscli package puts the AWS CLI v2; on PATH, pip's v1 comes first.</summary>
    public const string DebianAwsCliV2 = "/usr/bin/aws";

    /// <summary>What scripts/setup.sh does for every tool at once, named in each missing-tool message.</summary>
    public const string SetupScript = "scripts/setup.sh";

    /// <summary>
    /// The dotnet that runs these tests (the SDK's host sets DOTNET_HOST_PATH), so a child process uses the same SDK
    /// and runtime; plain <c>dotnet</c> on PATH when the host is not known.
    /// </summary>
    public static string Dotnet
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host))
            {
                return host;
            }

            var self = Environment.ProcessPath;
            return self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? self : "dotnet";
        }
    }

    /// <summary>
    /// The command that installs <paramref name="program"/> (as given to a process: a name looked up on PATH, or a
    /// path), or null when the tests know no such tool.
    /// </summary>
    public static string? InstallCommand(string program)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (program == DebianAwsCliV2)
        {
            return "sudo apt-get install -y awscli";
        }

        return Path.GetFileNameWithoutExtension(program) switch
        {
            "python3" or "python" => "sudo apt-get install -y python3 python3-pip && python3 -m pip install boto3 botocore",
            "aws" => "python3 -m pip install awscli",
            "node" or "npm" => "sudo apt-get install -y nodejs npm",
            "dotnet" => "curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel 10.0",
            _ => null,
        };
    }

    /// <summary>
    /// The file <paramref name="program"/> names, as the process launcher resolves it: a path as it stands (relative to
    /// the current directory), a bare name through PATH. Null when there is no such file.
    /// </summary>
    public static string? Locate(string program)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        if (program.Contains(Path.DirectorySeparatorChar) || program.Contains(Path.AltDirectorySeparatorChar))
        {
            var full = Path.GetFullPath(program);
            return File.Exists(full) ? full : null;
        }

        var extensions = OperatingSystem.IsWindows() ? new[] { string.Empty, ".exe", ".cmd", ".bat" } : new[] { string.Empty };
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(directory, program + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
