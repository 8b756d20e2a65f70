using System;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Retry;

/// <summary>
/// The adaptive retry mode's client-side rate limiter, following the algorithm the AWS SDKs share: a token bucket
/// that is off until the first throttling error; each throttle cuts the rate to 70% of the measured sending rate, and
/// successes grow it back along a cubic curve (CUBIC congestion control) capped at twice the measured rate.
/// </summary>
internal sealed class AdaptiveRateLimiter
{
    private const double Beta = 0.7;
    private const double ScaleConstant = 0.4;
    private const double Smooth = 0.8;
    private const double MinFillRate = 0.5;
    private const double MinCapacity = 1;

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private double _fillRate;
    private double _maxCapacity;
    private double _currentCapacity;
    private double? _lastTimestamp;
    private bool _enabled;
    private double _measuredRate;
    private double _lastRateBucket;
    private int _requestCount;
    private double _lastMaxRate;
    private double _lastThrottleTime;
    private double _timeWindow;

    public AdaptiveRateLimiter(TimeProvider time)
    {
        _time = time;
        _lastRateBucket = Math.Floor(Now());
        _lastThrottleTime = Now();
    }

    /// <summary>Whether a throttle has switched the bucket on.</summary>
    public bool Enabled
    {
        get
        {
            lock (_gate)
            {
                return _enabled;
            }
        }
    }

    /// <summary>The current sending rate in requests per second (meaningful once <see cref="Enabled"/>).</summary>
    public double FillRate
    {
        get
        {
            lock (_gate)
            {
                return _fillRate;
            }
        }
    }

    /// <summary>Takes a token, waiting for the bucket to refill if it is empty. Free until the first throttle.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                if (!_enabled)
                {
                    return;
                }

                Refill();
                if (_currentCapacity >= 1)
                {
                    _currentCapacity -= 1;
                    return;
                }

                // At least a millisecond: a wait that rounds to zero would complete at once and spin on the same capacity.
                var ticks = Math.Ceiling((1 - _currentCapacity) / _fillRate * TimeSpan.TicksPerSecond);
                wait = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (long)ticks));
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records an attempt's outcome: a throttle lowers the rate, anything else lets it grow.</summary>
    public void Update(bool throttled)
    {
        lock (_gate)
        {
            UpdateMeasuredRate();
            double rate;
            if (throttled)
            {
                var rateToUse = _enabled ? Math.Min(_measuredRate, _fillRate) : _measuredRate;
                _lastMaxRate = rateToUse;
                ComputeTimeWindow();
                _lastThrottleTime = Now();
                rate = rateToUse * Beta;
                _enabled = true;
            }
            else
            {
                ComputeTimeWindow();
                rate = (ScaleConstant * Math.Pow(Now() - _lastThrottleTime - _timeWindow, 3)) + _lastMaxRate;
            }

            UpdateRate(Math.Min(rate, 2 * _measuredRate));
        }
    }

    private double Now() => _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    private void ComputeTimeWindow() => _timeWindow = Math.Cbrt(_lastMaxRate * (1 - Beta) / ScaleConstant);

    private void Refill()
    {
        var now = Now();
        if (_lastTimestamp is not { } last)
        {
            _lastTimestamp = now;
            return;
        }

        _currentCapacity = Math.Min(_maxCapacity, _currentCapacity + ((now - last) * _fillRate));
        _lastTimestamp = now;
    }

    private void UpdateRate(double rate)
    {
        Refill();
        _fillRate = Math.Max(rate, MinFillRate);
        _maxCapacity = Math.Max(rate, MinCapacity);
        _currentCapacity = Math.Min(_currentCapacity, _maxCapacity);
    }

    private void UpdateMeasuredRate()
    {
        var now = Now();
        var bucket = Math.Floor(now * 2) / 2;
        _requestCount++;
        if (bucket > _lastRateBucket)
        {
            var current = _requestCount / (bucket - _lastRateBucket);
            _measuredRate = (current * Smooth) + (_measuredRate * (1 - Smooth));
            _requestCount = 0;
            _lastRateBucket = bucket;
        }
    }
}
