using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests;

/// <summary>The standalone executable (sdk/Fake.Tool), run as users run it.</summary>
[Trait("Category", "Integration")]
public sealed class StandaloneServerTests
{
    [Fact]
    public async Task Help_prints_the_options_and_exits_0()
    {
        var run = await ProcessRunner.RunAsync(StandaloneFake.StartInfo("--help"), TimeSpan.FromSeconds(60));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--urls", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--region", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--urls")]
    [InlineData("--urls", "ftp://127.0.0.1:21")]
    [InlineData("--account", "12")]
    [InlineData("--access-key", "no-secret")]
    [InlineData("--fault-rate", "2")]
    [InlineData("--latency-ms", "-5")]
    [InlineData("--seed")]
    [InlineData("--max-events", "0")]
    [InlineData("--max-events", "many")]
    [InlineData("--max-body-bytes", "-1")]
    public async Task A_bad_command_line_prints_usage_and_exits_2(params string[] args)
    {
        var run = await ProcessRunner.RunAsync(StandaloneFake.StartInfo(args), TimeSpan.FromSeconds(60));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_seed_file_is_named_and_the_server_does_not_start()
    {
        using var files = new LogFiles();
        var broken = files.WriteText("broken-seed.json", "{\"Records\":[{\"eventName\":\"x\"}]}");

        var run = await ProcessRunner.RunAsync(StandaloneFake.StartInfo("--urls", "http://127.0.0.1:0", "--seed", broken), TimeSpan.FromSeconds(60));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(broken + ", record 0", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Listening on", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_serves_on_the_urls_given_with_the_region_given()
    {
        const string region = "eu-north-1";
        using var process = ProcessRunner.Start(StandaloneFake.StartInfo("--urls", "http://127.0.0.1:0", "--region", region));
        try
        {
            var endpoint = await StandaloneFake.ListeningOnAsync(process);

            // Unsigned calls land in the --region region.
            var created = await RawCall.PostAsync(endpoint, RawCall.Target("CreateTrail"), """{"Name":"standalone-trail","S3BucketName":"bucket"}""");
            Assert.Equal(200, created.Status);
            Assert.Equal(region, created.Json.GetProperty("TrailARN").GetString()!.Split(':')[3]);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task With_a_data_dir_an_acknowledged_change_survives_a_kill()
    {
        var directory = Directory.CreateTempSubdirectory("ct-fake-standalone-").FullName;
        try
        {
            using (var first = ProcessRunner.Start(StandaloneFake.StartInfo("--urls", "http://127.0.0.1:0", "--data-dir", directory)))
            {
                var endpoint = await StandaloneFake.ListeningOnAsync(first);
                var created = await RawCall.PostAsync(endpoint, RawCall.Target("CreateTrail"), """{"Name":"survivor","S3BucketName":"bucket"}""");
                Assert.Equal(200, created.Status);

                // SIGKILL: no shutdown code runs, as in a crash.
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }

            using var second = ProcessRunner.Start(StandaloneFake.StartInfo("--urls", "http://127.0.0.1:0", "--data-dir", directory));
            try
            {
                var endpoint = await StandaloneFake.ListeningOnAsync(second);
                var got = await RawCall.PostAsync(endpoint, RawCall.Target("GetTrail"), """{"Name":"survivor"}""");
                Assert.Equal(200, got.Status);
            }
            finally
            {
                second.Kill(entireProcessTree: true);
                await second.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
