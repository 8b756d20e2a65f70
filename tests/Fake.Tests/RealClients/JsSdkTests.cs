using System;
using System.Text.Json;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.RealClients;

/// <summary>The AWS SDK for JavaScript v3 (@aws-sdk/client-cloudtrail from npm), unchanged, drives the fake over HTTP.</summary>
[Trait("Category", "RealClients")]
public sealed class JsSdkTests
{
    [Fact]
    public async Task Js_sdk_v3_runs_the_trail_selector_lookup_and_error_scenario()
    {
        NodeModules.EnsureInstalled();
        await using var host = await FakeCloudTrailHost.StartAsync();
        const string region = "ap-southeast-2";
        var trail = "js-" + Guid.NewGuid().ToString("N")[..8];
        const string bucket = "js-bucket";
        const int pageSize = 4;

        var run = await ProcessRunner.RunAsync(
            ProcessRunner.StartInfo("node", new[] { "scenario.mjs", host.Endpoint.AbsoluteUri, trail, bucket, pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) }, NodeModules.Directory, ProcessRunner.AwsEnvironment(region)),
            TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, run.ToString());

        using var output = JsonDocument.Parse(run.Stdout);
        ScenarioAssertions.AssertScenario(output.RootElement, trail, bucket, pageSize, region, host.Fake.Options.DefaultAccountId, Clients.AccessKey);
        Assert.Contains("aws-sdk-js", output.RootElement.GetProperty("newestRecord").GetProperty("userAgent").GetString(), StringComparison.Ordinal);
    }
}
