using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.RealClients;

/// <summary>Channels, resource policies, federation and event configuration driven by real clients, unchanged, over HTTP.</summary>
[Trait("Category", "RealClients")]
public sealed class ChannelsRealClientTests
{
    // Federation stays ENABLING for the whole scenario, so a second enable meets ConcurrentModificationException however slow the machine.
    private static readonly FakeCloudTrailHostOptions SlowTransitions = new() { FakeOptions = new FakeCloudTrailOptions { LakeTransitionTime = TimeSpan.FromHours(1) } };

    [Fact]
    public async Task Boto3_walks_channels_policies_federation_and_event_configuration()
    {
        await using var host = await FakeCloudTrailHost.StartAsync(SlowTransitions);
        var prefix = "boto-" + Guid.NewGuid().ToString("N")[..8];

        var run = await ProcessRunner.RunAsync(
            ProcessRunner.StartInfo("python3", new[] { "boto3_channels_scenario.py", host.Endpoint.AbsoluteUri, prefix }, environment: ProcessRunner.AwsEnvironment("eu-west-1")),
            TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, run.ToString());

        AssertScenario(JsonDocument.Parse(run.Stdout).RootElement, prefix);
    }

    [Fact]
    public async Task The_JS_SDK_v3_walks_channels_policies_federation_and_event_configuration()
    {
        NodeModules.EnsureInstalled();
        await using var host = await FakeCloudTrailHost.StartAsync(SlowTransitions);
        var prefix = "js-" + Guid.NewGuid().ToString("N")[..8];

        var run = await ProcessRunner.RunAsync(
            ProcessRunner.StartInfo("node", new[] { "channels_scenario.mjs", host.Endpoint.AbsoluteUri, prefix }, NodeModules.Directory, ProcessRunner.AwsEnvironment("ap-southeast-2")),
            TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, run.ToString());

        AssertScenario(JsonDocument.Parse(run.Stdout).RootElement, prefix);
    }

    private static string?[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToArray();

    private static void AssertScenario(JsonElement output, string prefix)
    {
        var channels = output.GetProperty("channels");
        Assert.Equal("Custom", channels.GetProperty("source").GetString());
        Assert.True(channels.GetProperty("destination").GetBoolean());
        Assert.Equal(new[] { prefix + "-channel", prefix + "-second" }, Strings(channels.GetProperty("paged")));
        Assert.Equal(prefix + "-renamed", channels.GetProperty("renamed").GetString());
        Assert.Equal(new[] { "team", "env" }, Strings(channels.GetProperty("tags")));
        var errors = channels.GetProperty("errors");
        Assert.Equal("ChannelAlreadyExistsException", errors.GetProperty("duplicate").GetString());
        Assert.Equal("InvalidEventDataStoreCategoryException", errors.GetProperty("category").GetString());
        Assert.Equal("ChannelNotFoundException", errors.GetProperty("notFound").GetString());
        Assert.Equal("ChannelARNInvalidException", errors.GetProperty("badArn").GetString());
        Assert.Equal("ChannelExistsForEDSException", errors.GetProperty("storeInUse").GetString());

        var policies = output.GetProperty("policies");
        Assert.True(policies.GetProperty("same").GetBoolean());
        errors = policies.GetProperty("errors");
        Assert.Equal("ResourcePolicyNotFoundException", errors.GetProperty("gone").GetString());
        Assert.Equal("ResourcePolicyNotValidException", errors.GetProperty("invalid").GetString());
        Assert.Equal("ResourceTypeNotSupportedException", errors.GetProperty("type").GetString());
        Assert.Equal("ResourceARNNotValidException", errors.GetProperty("arn").GetString());

        var federation = output.GetProperty("federation");
        Assert.Equal("ENABLING", federation.GetProperty("enable").GetString());
        Assert.Equal("arn:aws:iam::111122223333:role/federation", federation.GetProperty("role").GetString());
        errors = federation.GetProperty("errors");
        Assert.Equal("ConcurrentModificationException", errors.GetProperty("again").GetString());
        Assert.Equal("InvalidParameterException", errors.GetProperty("badRole").GetString());
        Assert.Equal("EventDataStoreNotFoundException", errors.GetProperty("notFound").GetString());

        var configuration = output.GetProperty("eventConfiguration");
        Assert.Equal("Standard", configuration.GetProperty("default").GetString());
        Assert.Equal("Large", configuration.GetProperty("after").GetString());
        Assert.Equal(new[] { "RequestContext=aws:SourceIp" }, Strings(configuration.GetProperty("selectors")));
        errors = configuration.GetProperty("errors");
        Assert.Equal("InvalidParameterCombinationException", errors.GetProperty("both").GetString());
        Assert.Equal("TrailNotFoundException", errors.GetProperty("trail").GetString());
        Assert.Equal("InvalidEventDataStoreCategoryException", errors.GetProperty("category").GetString());
    }
}
