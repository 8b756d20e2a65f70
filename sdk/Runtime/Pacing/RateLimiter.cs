using System;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Pacing;

/// <summary>
/// A token bucket that hands out reservations: each request takes a token now, possibly driving the balance negative,
/// and waits until the bucket would have refilled to that point. Reserving (rather than polling) keeps concurrent
/// callers in arrival order and needs exactly one timer per waiting request. Time comes from the client's TimeProvider,
/// so tests drive it with a fake clock.
/// </summary>
internal sealed class RateLimiter
{
    private readonly object _gate = new();
    private readonly double _ratePerSecond;
    private readonly int _burst;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _lastRefill;

    public RateLimiter(double ratePerSecond, int burst, TimeProvider time)
    {
        _ratePerSecond = ratePerSecond;
        _burst = burst;
        _time = time;
        _tokens = burst;
        _lastRefill = time.GetTimestamp();
    }

    public double RatePerSecond => _ratePerSecond;

    /// <summary>Waits for this request's turn. A cancelled wait gives its token back.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var wait = Reserve();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Release();
            throw;
        }
    }

    /// <summary>Takes a token and returns how long until it is actually available.</summary>
    internal TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_lastRefill, now).TotalSeconds;
            _lastRefill = now;
            _tokens = Math.Min(_burst, _tokens + (elapsed * _ratePerSecond));
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _ratePerSecond);
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _tokens = Math.Min(_burst, _tokens + 1);
        }
    }
}
