using System;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Pacing;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Runtime.Tests.Pacing;

[Trait("Category", "Unit")]
public sealed class RateLimiterTests
{
    [Fact]
    public void Burst_1_at_2_per_second_hands_out_slots_half_a_second_apart()
    {
        var clock = new ManualTimeProvider();
        var limiter = new RateLimiter(2, 1, clock);

        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
        Assert.Equal(TimeSpan.FromSeconds(0.5), limiter.Reserve());
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Reserve());
    }

    [Fact]
    public void The_bucket_refills_with_time_but_never_beyond_the_burst()
    {
        var clock = new ManualTimeProvider();
        var limiter = new RateLimiter(2, 3, clock);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
        Assert.Equal(TimeSpan.FromSeconds(0.5), limiter.Reserve());
    }

    [Fact]
    public async Task A_waiter_is_released_when_the_clock_reaches_its_slot()
    {
        var clock = new ManualTimeProvider();
        var limiter = new RateLimiter(2, 1, clock);
        await limiter.WaitAsync(CancellationToken.None);

        var second = limiter.WaitAsync(CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(0.4));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.1));

        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_slot_back()
    {
        var clock = new ManualTimeProvider();
        var limiter = new RateLimiter(2, 1, clock);
        await limiter.WaitAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();

        var waiting = limiter.WaitAsync(cts.Token).AsTask();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(TimeSpan.FromSeconds(0.5), limiter.Reserve());
    }

    [Fact]
    public void Pacing_policies_choose_the_rate()
    {
        Assert.Equal(2, AwsPacing.ModelRate.RateFor(2));
        Assert.Equal(0, AwsPacing.ModelRate.RateFor(0));
        Assert.Equal(0, AwsPacing.Off.RateFor(2));
        Assert.Equal(0.5, AwsPacing.PerSecond(0.5).RateFor(2));
        Assert.Equal(0, AwsPacing.PerSecond(5).RateFor(0));
        Assert.Equal(4, AwsPacing.ModelRateWithBurst(4).Burst);
        Assert.Throws<ArgumentOutOfRangeException>(() => AwsPacing.PerSecond(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AwsPacing.PerSecond(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => AwsPacing.ModelRateWithBurst(0));
    }
}
