using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>
/// Installs the JavaScript client from the committed package-lock.json when node_modules is missing (a fresh clone, CI),
/// once per test run.
/// </summary>
internal static class NodeModules
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string Directory => Path.Combine(ProcessRunner.ClientsDirectory, "js");

    public static async Task EnsureInstalledAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@aws-sdk", "client-cloudtrail")))
            {
                return;
            }

            // npm ci installs exactly the locked versions, so every machine tests the same client.
            var install = await ProcessRunner.RunAsync(
                ProcessRunner.StartInfo("npm", new[] { "ci", "--no-audit", "--no-fund" }, Directory),
                TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, "npm ci failed: " + install);
        }
        finally
        {
            Gate.Release();
        }
    }
}
