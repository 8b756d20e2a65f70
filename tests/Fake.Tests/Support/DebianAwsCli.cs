using System.IO;
using System.Threading.Tasks;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>
/// Debian's AWS CLI v2 (package awscli). It is looked for where that package installs it, not on PATH: on PATH, pip's
/// CLI v1 comes first. The tests never install it: scripts/setup.sh (which .ci/run calls) does, and a test that finds it
/// missing fails saying how to install it.
/// </summary>
internal static class DebianAwsCli
{
    /// <summary>Where Debian's awscli package puts the v2 CLI.</summary>
    public const string Path = "/usr/bin/aws";

    /// <summary>The one command that installs it.</summary>
    public const string InstallCommand = "sudo apt-get install -y awscli";

    /// <summary>Fails the calling test, naming the install command, when the CLI v2 is missing.</summary>
    public static Task EnsureInstalledAsync()
    {
        Assert.True(File.Exists(Path), "Debian's AWS CLI v2 is not installed (" + Path + " is missing). Install it with `"
            + InstallCommand + "`, or run scripts/setup.sh, which installs everything the real-client tests need.");
        return Task.CompletedTask;
    }
}
