using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>The standalone executable (cloudtrail-fake), started as users start it, for tests of its command line.</summary>
internal static class StandaloneFake
{
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "cloudtrail-fake.dll");

    /// <summary>How to start the server with these flags.</summary>
    public static ProcessStartInfo StartInfo(params string[] args) =>
        ProcessRunner.StartInfo(ExternalTools.Dotnet, new[] { ServerDll }.Concat(args), AppContext.BaseDirectory);

    /// <summary>The server prints the bound address once listening: read it rather than wait a fixed time.</summary>
    public static async Task<Uri> ListeningOnAsync(Process process)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? line;
        do
        {
            line = await process.StandardOutput.ReadLineAsync(deadline.Token);
        }
        while (line is not null && !line.StartsWith("Listening on ", StringComparison.Ordinal));

        if (line is null)
        {
            // Only now is stderr complete: the process has ended.
            Assert.Fail("the server exited before listening: " + await process.StandardError.ReadToEndAsync(deadline.Token));
        }

        return new Uri(line!["Listening on ".Length..]);
    }
}
