using System;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime;

namespace CloudTrailSdk.Fake;

public sealed partial class FakeCloudTrailServer
{
    private readonly object _faultGate = new();
    private Random? _faultRandom;

    private async Task InjectFaultsAsync(CancellationToken cancellationToken)
    {
        var faults = Options.Faults;
        if (!faults.IsActive)
        {
            return;
        }

        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        bool fail;
        lock (_faultGate)
        {
            _faultRandom ??= faults.Seed is { } seed ? new Random(seed) : new Random();
            fail = _faultRandom.NextDouble() < faults.ErrorRate;
        }

        if (fail)
        {
            throw new AwsServiceException(faults.ErrorCode, "Injected fault (the fake was started with fault injection).", faults.StatusCode, null);
        }
    }
}
