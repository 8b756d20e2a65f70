using System.Threading;

namespace CloudTrailSdk.Runtime.Retry;

/// <summary>
/// The standard mode's retry quota: a token bucket shared by every call of one client. Retries spend tokens, successes
/// refund them. When it runs dry the client stops retrying, so an outage is not made worse by a retry storm.
/// </summary>
internal sealed class RetryQuota
{
    /// <summary>The initial (and maximum) number of tokens.</summary>
    public const int DefaultCapacity = 500;

    /// <summary>Spent by a retry after a throttling, 5xx or network error.</summary>
    public const int RetryCost = 5;

    /// <summary>Spent by a retry after a timeout: a timed-out attempt may still have loaded the service, so it costs more.</summary>
    public const int TimeoutRetryCost = 10;

    /// <summary>Refunded by a call that succeeded on its first attempt.</summary>
    public const int NoRetryIncrement = 1;

    private readonly int _capacity;
    private int _available;

    public RetryQuota(int capacity)
    {
        _capacity = capacity;
        _available = capacity;
    }

    /// <summary>The tokens left; for diagnostics and tests.</summary>
    public int Available => Volatile.Read(ref _available);

    /// <summary>Whether the quota is in force (a capacity of 0 turns it off).</summary>
    public bool Enabled => _capacity > 0;

    /// <summary>Takes the cost of one retry; <see langword="false"/> (and nothing taken) when too few tokens remain.</summary>
    public bool TryAcquire(bool afterTimeout, out int cost)
    {
        cost = afterTimeout ? TimeoutRetryCost : RetryCost;
        if (!Enabled)
        {
            cost = 0;
            return true;
        }

        while (true)
        {
            var current = Volatile.Read(ref _available);
            if (current < cost)
            {
                cost = 0;
                return false;
            }

            if (Interlocked.CompareExchange(ref _available, current - cost, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// A call succeeded: a retried call gives back what its last retry cost, a first-try success adds
    /// <see cref="NoRetryIncrement"/>; never beyond the capacity.
    /// </summary>
    public void OnSuccess(int lastRetryCost)
    {
        if (!Enabled)
        {
            return;
        }

        var refund = lastRetryCost > 0 ? lastRetryCost : NoRetryIncrement;
        while (true)
        {
            var current = Volatile.Read(ref _available);
            var next = current + refund > _capacity ? _capacity : current + refund;
            if (next == current || Interlocked.CompareExchange(ref _available, next, current) == current)
            {
                return;
            }
        }
    }
}
