using System;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime;

namespace CloudTrailSdk.Fake;

/// <summary>Applies <see cref="FakeFaults"/>: latency first, then a seeded share of calls failing before they run.</summary>
internal sealed class FaultInjector
{
    private readonly FakeFaults _faults;
    private readonly TimeProvider _clock;
    private readonly Random _random;

    public FaultInjector(FakeFaults faults, TimeProvider clock)
    {
        _faults = faults;
        _clock = clock;
        _random = faults.Seed is { } seed ? new Random(seed) : new Random();
    }

    public async Task InjectAsync(CancellationToken cancellationToken)
    {
        if (!_faults.IsActive)
        {
            return;
        }

        if (_faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_faults.Latency, _clock, cancellationToken).ConfigureAwait(false);
        }

        bool fail;
        lock (_random)
        {
            fail = _random.NextDouble() < _faults.ErrorRate;
        }

        if (fail)
        {
            throw new AwsServiceException(_faults.ErrorCode, "Injected fault (the fake was started with fault injection).", _faults.StatusCode, null);
        }
    }
}
