using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Pacing;

/// <summary>
/// One client's pacing: a bucket per rate-limited operation, created on first use. A client talks to one region, so
/// "per client" is "per client and region", which is how AWS counts (per account and region).
/// </summary>
internal sealed class OperationPacer
{
    private readonly AwsPacing _policy;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, RateLimiter> _buckets = new(StringComparer.Ordinal);

    public OperationPacer(AwsPacing policy, TimeProvider time)
    {
        _policy = policy;
        _time = time;
    }

    /// <summary>Waits for a slot when <paramref name="operation"/> is paced; returns at once otherwise.</summary>
    public ValueTask WaitAsync(string operation, double modelRate, CancellationToken cancellationToken)
    {
        var rate = _policy.RateFor(modelRate);
        if (rate <= 0)
        {
            return ValueTask.CompletedTask;
        }

        var bucket = _buckets.GetOrAdd(operation, static (_, state) => new RateLimiter(state.rate, state.burst, state.time), (rate, burst: _policy.Burst, time: _time));
        return bucket.WaitAsync(cancellationToken);
    }
}
