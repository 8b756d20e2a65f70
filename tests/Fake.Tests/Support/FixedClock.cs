using System;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>A clock stuck at one instant, so event times and the 90-day window are exact.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
