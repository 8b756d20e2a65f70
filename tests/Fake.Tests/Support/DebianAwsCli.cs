using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>
/// Installs Debian's AWS CLI v2 (package awscli, at /usr/bin/aws) when it is missing, once per test run, so that
/// `dotnet test` alone sets up what its real-client tests need, as it does for the JS SDK.
/// </summary>
internal static class DebianAwsCli
{
    public const string Path = "/usr/bin/aws";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureInstalledAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(Path))
            {
                return;
            }

            var environment = new System.Collections.Generic.Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
            var update = await ProcessRunner.RunAsync(ProcessRunner.StartInfo("apt-get", new[] { "update", "-qq" }, environment: environment), TimeSpan.FromMinutes(5));
            Assert.True(update.ExitCode == 0, "apt-get update failed (installing Debian's awscli needs root and the Debian mirror): " + update);
            var install = await ProcessRunner.RunAsync(ProcessRunner.StartInfo("apt-get", new[] { "install", "-y", "-qq", "awscli" }, environment: environment), TimeSpan.FromMinutes(10));
            Assert.True(install.ExitCode == 0 && File.Exists(Path), "apt-get install awscli failed: " + install);
        }
        finally
        {
            Gate.Release();
        }
    }
}
