using CloudTrailSdk.Runtime.Retry;

namespace CloudTrailSdk.Runtime.Tests.Retry;

[Trait("Category", "Unit")]
public sealed class RetryQuotaTests
{
    [Fact]
    public void A_retry_costs_5_and_a_timeout_retry_costs_10()
    {
        var quota = new RetryQuota(500);

        Assert.True(quota.TryAcquire(afterTimeout: false, out var cost));
        Assert.Equal(5, cost);
        Assert.True(quota.TryAcquire(afterTimeout: true, out cost));
        Assert.Equal(10, cost);
        Assert.Equal(485, quota.Available);
    }

    [Fact]
    public void The_quota_runs_dry_after_100_retries_and_then_refuses_without_taking_anything()
    {
        var quota = new RetryQuota(500);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(quota.TryAcquire(false, out _));
        }

        Assert.False(quota.TryAcquire(false, out var cost));
        Assert.Equal(0, cost);
        Assert.Equal(0, quota.Available);
    }

    [Fact]
    public void A_success_after_a_retry_refunds_that_retry_and_a_first_try_success_refunds_1_up_to_the_capacity()
    {
        var quota = new RetryQuota(500);
        quota.TryAcquire(true, out var cost);
        quota.TryAcquire(false, out _);
        Assert.Equal(485, quota.Available);

        quota.OnSuccess(cost);
        Assert.Equal(495, quota.Available);
        quota.OnSuccess(0);
        Assert.Equal(496, quota.Available);
        for (var i = 0; i < 10; i++)
        {
            quota.OnSuccess(0);
        }

        Assert.Equal(500, quota.Available);
    }

    [Fact]
    public void A_capacity_of_zero_turns_the_quota_off()
    {
        var quota = new RetryQuota(0);

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(quota.TryAcquire(true, out _));
        }
    }
}
