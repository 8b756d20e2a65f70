using System;

namespace CloudTrailSdk;

/// <summary>
/// How a client paces operations that AWS rate-limits (LookupEvents: 2 requests/s per account and region). Calls wait
/// for a token from a bucket shared by every call of one client (paginators included) instead of being throttled by
/// the service. Operations without a documented rate are never paced.
/// </summary>
public sealed class AwsPacing
{
    private AwsPacing(bool enabled, double? requestsPerSecond, int burst)
    {
        Enabled = enabled;
        RequestsPerSecond = requestsPerSecond;
        Burst = burst;
    }

    /// <summary>The default: each rate-limited operation is held to the rate the model documents, one request at a time (burst 1).</summary>
    public static AwsPacing ModelRate { get; } = new(true, null, 1);

    /// <summary>No pacing: calls go out as fast as they are made (the service may then throttle them, and they are retried).</summary>
    public static AwsPacing Off { get; } = new(false, null, 0);

    /// <summary>
    /// The model's rate with a burst: up to <paramref name="burst"/> requests may go out back to back after an idle period.
    /// </summary>
    public static AwsPacing ModelRateWithBurst(int burst) => new(true, null, CheckBurst(burst));

    /// <summary>
    /// A rate of your own (e.g. a share of the account's limit when several processes call LookupEvents), applied to every
    /// operation the model rate-limits.
    /// </summary>
    public static AwsPacing PerSecond(double requestsPerSecond, int burst = 1)
    {
        if (double.IsNaN(requestsPerSecond) || double.IsInfinity(requestsPerSecond) || requestsPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The rate must be a positive, finite number of requests per second.");
        }

        return new AwsPacing(true, requestsPerSecond, CheckBurst(burst));
    }

    /// <summary>Whether rate-limited operations are paced at all.</summary>
    public bool Enabled { get; }

    /// <summary>The rate in requests per second; <see langword="null"/> means the model's rate for each operation.</summary>
    public double? RequestsPerSecond { get; }

    /// <summary>How many requests may go out back to back before the rate applies.</summary>
    public int Burst { get; }

    /// <summary>The rate to apply to an operation whose model rate is <paramref name="modelRate"/>; 0 for "do not pace".</summary>
    internal double RateFor(double modelRate) =>
        !Enabled || !(modelRate > 0) ? 0 : RequestsPerSecond ?? modelRate;

    private static int CheckBurst(int burst) =>
        burst >= 1 ? burst : throw new ArgumentOutOfRangeException(nameof(burst), burst, "The burst must be at least 1.");
}
