using System;
using System.Collections.Generic;
using CloudTrailSdk.Runtime;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Refuses a call beyond its operation's documented rate in the caller's account and region, as AWS does, for whichever
/// operation the model gives a rate. Each window holds at most as many times as the rate allows, so memory is bounded
/// by the number of (account, region, operation) triples in use.
/// </summary>
internal sealed class RateLimitEmulator
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly TimeProvider _clock;
    private readonly Dictionary<(string Account, string Region, string Operation), Queue<DateTimeOffset>> _recent = new();

    public RateLimitEmulator(TimeProvider clock) => _clock = clock;

    public void Admit(CallScope scope, string operation, double requestsPerSecond)
    {
        if (requestsPerSecond <= 0)
        {
            return;
        }

        lock (_recent)
        {
            var now = _clock.GetUtcNow();
            var key = (scope.Account, scope.Region, operation);
            if (!_recent.TryGetValue(key, out var calls))
            {
                _recent[key] = calls = new Queue<DateTimeOffset>();
            }

            while (calls.Count > 0 && now - calls.Peek() >= Window)
            {
                calls.Dequeue();
            }

            if (calls.Count >= Math.Max(1, (int)Math.Floor(requestsPerSecond)))
            {
                throw new AwsServiceException("ThrottlingException", "Rate exceeded", 400, null);
            }

            calls.Enqueue(now);
        }
    }
}
