using System;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>A clock the test moves by hand: time-based behaviour is tested without sleeping.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public void Advance(TimeSpan by) => _now += by;

    public override DateTimeOffset GetUtcNow() => _now;
}
