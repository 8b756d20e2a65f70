using System;
using CloudTrailSdk.Runtime.Retry;

namespace CloudTrailSdk;

/// <summary>
/// AWS's "standard" retry mode: how many attempts, how long to back off between them, and how big the retry quota is.
/// The defaults are the ones every AWS SDK uses, so a fleet of clients backs off the same way the other SDKs do.
/// </summary>
public sealed class AwsRetryOptions
{
    /// <summary>The default number of attempts (the first one included).</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>
    /// Attempts per call, the first included (1 = no retries). Unset: <c>AWS_MAX_ATTEMPTS</c>, else <see cref="DefaultMaxAttempts"/>.
    /// </summary>
    public int? MaxAttempts { get; set; }

    /// <summary>Standard or adaptive (client-side rate limiting). Unset: <c>AWS_RETRY_MODE</c>, the profile's <c>retry_mode</c>, else standard.</summary>
    public AwsRetryMode? Mode { get; set; }

    /// <summary>
    /// The base of the exponential backoff: retry <c>i</c> (from 0) waits a random time in <c>[0, BaseDelay × 2^i)</c>, capped by
    /// <see cref="MaxBackoff"/> ("full jitter"). One second, as AWS's standard mode specifies.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single backoff: 20 seconds, as AWS's standard mode specifies.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The retry quota's capacity (500). Each retry spends 5 tokens (10 after a timeout) and each success refunds, so a
    /// client facing a service outage stops retrying instead of multiplying the load. 0 disables the quota.
    /// </summary>
    public int QuotaCapacity { get; set; } = RetryQuota.DefaultCapacity;

    /// <summary>A copy, so a client is not affected by later changes to the options it was built from.</summary>
    internal AwsRetryOptions Clone() => new()
    {
        MaxAttempts = MaxAttempts,
        Mode = Mode,
        BaseDelay = BaseDelay,
        MaxBackoff = MaxBackoff,
        QuotaCapacity = QuotaCapacity,
    };
}
