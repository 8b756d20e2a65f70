using System;
using CloudTrailSdk.Runtime.Retry;

namespace CloudTrailSdk.Runtime.Tests.Retry;

[Trait("Category", "Unit")]
public sealed class BackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(0, 0.5, 500)]
    [InlineData(1, 0.5, 1000)]
    [InlineData(2, 0.5, 2000)]
    [InlineData(3, 0.25, 2000)]
    public void The_delay_is_random_times_base_times_two_to_the_retry_index(int retryIndex, double random, double expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Backoff.Compute(retryIndex, Base, Cap, random));
    }

    [Fact]
    public void The_delay_is_capped_at_the_max_backoff()
    {
        Assert.Equal(Cap, Backoff.Compute(10, Base, Cap, 0.99));
        Assert.Equal(Cap, Backoff.Compute(int.MaxValue, Base, Cap, 0.5));
    }

    [Fact]
    public void Full_jitter_can_be_zero()
    {
        Assert.Equal(TimeSpan.Zero, Backoff.Compute(3, Base, Cap, 0));
    }

    [Fact]
    public void Every_delay_stays_below_its_exponential_ceiling()
    {
        var random = new Random(42);
        for (var i = 0; i < 1000; i++)
        {
            var retry = i % 6;
            var delay = Backoff.Compute(retry, Base, Cap, random.NextDouble());
            Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(Math.Min(Math.Pow(2, retry), 20)));
        }
    }
}
