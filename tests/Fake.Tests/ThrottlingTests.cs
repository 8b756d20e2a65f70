using System;
using System.Reflection;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;
using CloudTrailSdk.Runtime.Constraints;

namespace CloudTrailSdk.Fake.Tests;

/// <summary>Opt-in LookupEvents throttling at the model's documented rate, per account and region, on the fake's clock.</summary>
[Trait("Category", "Unit")]
public sealed class ThrottlingTests
{
    private static readonly int Allowed = (int)typeof(LookupEventsRequest).GetCustomAttribute<AwsRateLimitAttribute>()!.RequestsPerSecond;
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private FakeCloudTrail Server(bool emulate) => new(new FakeCloudTrailOptions { TimeProvider = _clock, EmulateThrottling = emulate });

    private static async Task<string?> LookupAsync(FakeCloudTrail server, string region = "us-east-1")
    {
        var answer = await Direct.CallAsync(server, "LookupEvents", region: region);
        Assert.True(answer.StatusCode is 200 or 400, "status " + answer.StatusCode);
        return Direct.ErrorOf(answer);
    }

    [Fact]
    public async Task Beyond_the_rate_LookupEvents_is_ThrottlingException_until_a_second_has_passed()
    {
        var server = Server(emulate: true);
        for (var i = 0; i < Allowed; i++)
        {
            Assert.Null(await LookupAsync(server));
        }

        Assert.Equal("ThrottlingException", await LookupAsync(server));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await LookupAsync(server));
    }

    [Fact]
    public async Task Each_region_has_its_own_budget()
    {
        var server = Server(emulate: true);
        for (var i = 0; i < Allowed; i++)
        {
            await LookupAsync(server, "us-east-1");
        }

        Assert.Null(await LookupAsync(server, "eu-west-1"));
    }

    [Fact]
    public async Task Without_the_option_nothing_is_throttled()
    {
        var server = Server(emulate: false);
        for (var i = 0; i < Allowed * 5; i++)
        {
            Assert.Null(await LookupAsync(server));
        }
    }
}
