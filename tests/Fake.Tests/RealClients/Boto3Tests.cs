using System;
using System.Text.Json;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.RealClients;

/// <summary>boto3, unchanged, drives the fake over HTTP; the script prints what it saw and this test judges it.</summary>
[Trait("Category", "RealClients")]
public sealed class Boto3Tests
{
    [Fact]
    public async Task Boto3_runs_the_trail_selector_lookup_and_error_scenario()
    {
        await using var host = await FakeCloudTrailHost.StartAsync();
        const string region = "eu-west-3";
        var trail = "boto-" + Guid.NewGuid().ToString("N")[..8];
        const string bucket = "boto-bucket";
        const int pageSize = 3;

        var run = await ProcessRunner.RunAsync(
            ProcessRunner.StartInfo("python3", new[] { "boto3_scenario.py", host.Endpoint.AbsoluteUri, trail, bucket, pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) }, environment: ProcessRunner.AwsEnvironment(region)),
            TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, run.ToString());

        using var output = JsonDocument.Parse(run.Stdout);
        ScenarioAssertions.AssertScenario(output.RootElement, trail, bucket, pageSize, region, host.Fake.Options.DefaultAccountId, Clients.AccessKey);
        Assert.Contains("botocore", output.RootElement.GetProperty("newestRecord").GetProperty("userAgent").GetString(), StringComparison.OrdinalIgnoreCase);

        // What boto3 left behind is what our own client sees: one state, whichever client wrote it.
        using var ours = Clients.OverHttp(host.Endpoint, region);
        var selectors = await ours.GetEventSelectorsAsync(new GetEventSelectorsRequest { TrailName = trail });
        Assert.Equal(ReadWriteType.WriteOnly, Assert.Single(selectors.EventSelectors!).ReadWriteType);
    }
}
