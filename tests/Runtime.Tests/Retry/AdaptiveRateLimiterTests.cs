using System;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Runtime.Retry;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Runtime.Tests.Retry;

[Trait("Category", "Unit")]
public sealed class AdaptiveRateLimiterTests
{
    [Fact]
    public async Task Until_the_first_throttle_the_limiter_never_waits()
    {
        var clock = new ManualTimeProvider();
        var limiter = new AdaptiveRateLimiter(clock);
        for (var i = 0; i < 100; i++)
        {
            var acquire = limiter.AcquireAsync(default);
            Assert.True(acquire.IsCompleted);
            await acquire;
            limiter.Update(throttled: false);
        }

        Assert.False(limiter.Enabled);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public void A_throttle_cuts_the_rate_below_the_measured_one_and_then_callers_wait_for_tokens()
    {
        var clock = new ManualTimeProvider();
        var limiter = new AdaptiveRateLimiter(clock);

        // Send at 10 requests/s for three seconds so the measured rate settles, then get throttled.
        for (var i = 0; i < 30; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            limiter.Update(throttled: false);
        }

        limiter.Update(throttled: true);
        Assert.True(limiter.Enabled);
        Assert.InRange(limiter.FillRate, 0.5, 7.0);

        // Drain the bucket: within a few calls the next caller has to wait for the bucket to refill on the clock.
        var waited = false;
        for (var i = 0; i < 20 && !waited; i++)
        {
            waited = !limiter.AcquireAsync(default).IsCompleted;
        }

        Assert.True(waited);
    }

    [Fact]
    public void After_a_throttle_successes_raise_the_rate_again_along_the_cubic_curve()
    {
        var clock = new ManualTimeProvider();
        var limiter = new AdaptiveRateLimiter(clock);
        for (var i = 0; i < 30; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            limiter.Update(throttled: false);
        }

        limiter.Update(throttled: true);
        var cut = limiter.FillRate;
        var previous = cut;
        for (var i = 0; i < 40; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            limiter.Update(throttled: false);
        }

        Assert.True(limiter.FillRate > previous, $"rate {limiter.FillRate} did not grow from {cut}");
    }

    [Theory]
    [InlineData("adaptive", AwsRetryMode.Adaptive)]
    [InlineData(" Standard ", AwsRetryMode.Standard)]
    [InlineData("legacy", AwsRetryMode.Standard)]
    public void Retry_modes_parse(string text, AwsRetryMode expected) =>
        Assert.Equal(expected, ConfigValue.ParseRetryMode(text, "AWS_RETRY_MODE"));

    [Fact]
    public void An_unknown_retry_mode_is_an_error_naming_its_source()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => ConfigValue.ParseRetryMode("turbo", "AWS_RETRY_MODE"));
        Assert.Equal("AWS_RETRY_MODE must be 'standard' or 'adaptive', but is 'turbo'.", error.Message);
    }
}
