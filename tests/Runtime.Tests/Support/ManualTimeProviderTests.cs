using System;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Runtime.Tests.Support;

/// <summary>The fake clock is what every timing test stands on, so it is tested too.</summary>
[Trait("Category", "Unit")]
public sealed class ManualTimeProviderTests
{
    [Fact]
    public async Task Task_Delay_completes_only_when_the_clock_passes_its_due_time()
    {
        var clock = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(2), clock);

        clock.Advance(TimeSpan.FromSeconds(1.999));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Elapsed);
    }

    [Fact]
    public void A_cancellation_source_with_the_clock_cancels_on_fake_time()
    {
        var clock = new ManualTimeProvider();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5), clock);

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(cts.IsCancellationRequested);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(cts.IsCancellationRequested);
    }

    [Fact]
    public async Task RunAsync_jumps_from_timer_to_timer()
    {
        var clock = new ManualTimeProvider();

        async Task<int> TwoDelays()
        {
            await Task.Delay(TimeSpan.FromSeconds(3), clock).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(4), clock).ConfigureAwait(false);
            return 7;
        }

        Assert.Equal(7, await clock.RunAsync(TwoDelays()));
        Assert.Equal(TimeSpan.FromSeconds(7), clock.Elapsed);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public void Timestamps_follow_the_fake_clock()
    {
        var clock = new ManualTimeProvider();
        var start = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), clock.GetElapsedTime(start));
    }
}
