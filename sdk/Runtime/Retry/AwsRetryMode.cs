namespace CloudTrailSdk;

/// <summary>The AWS SDKs' retry modes (<c>AWS_RETRY_MODE</c>, or <c>retry_mode</c> in the profile).</summary>
public enum AwsRetryMode
{
    /// <summary>Backoff with jitter and a retry quota.</summary>
    Standard,

    /// <summary>
    /// Standard, plus a client-side rate limiter: after a throttling error the client lowers its own sending rate and
    /// then raises it again along a cubic curve, as the AWS SDKs' adaptive mode does. Attempts wait for the limiter.
    /// </summary>
    Adaptive,
}
