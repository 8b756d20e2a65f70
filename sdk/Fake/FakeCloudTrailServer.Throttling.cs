using System;
using System.Collections.Generic;
using System.Reflection;
using CloudTrailSdk.Runtime.Constraints;
using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Fake;

public sealed partial class FakeCloudTrailServer
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(1);

    // The rate comes from the model (customizations stamp it on the request type), the same number the client paces to.
    private static readonly double LookupEventsRate = typeof(LookupEventsRequest).GetCustomAttribute<AwsRateLimitAttribute>()?.RequestsPerSecond ?? 0;

    /// <summary>Under <see cref="FakeCloudTrailOptions.EmulateThrottling"/>, refuses a call beyond the operation's rate in the caller's account and region.</summary>
    private void Throttle(AwsServerContext context, double requestsPerSecond)
    {
        if (!Options.EmulateThrottling || requestsPerSecond <= 0)
        {
            return;
        }

        var now = TimeProvider.GetUtcNow();
        var recent = State(context).RecentCalls;
        if (!recent.TryGetValue(context.Operation, out var calls))
        {
            recent[context.Operation] = calls = new Queue<DateTimeOffset>();
        }

        while (calls.Count > 0 && now - calls.Peek() >= RateWindow)
        {
            calls.Dequeue();
        }

        if (calls.Count >= Math.Max(1, (int)Math.Floor(requestsPerSecond)))
        {
            throw new ThrottlingException("Rate exceeded");
        }

        calls.Enqueue(now);
    }
}
