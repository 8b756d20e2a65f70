using System;

namespace CloudTrailSdk.Runtime.Retry;

/// <summary>
/// Exponential backoff with full jitter, as AWS's standard mode defines it: <c>min(b × r^i, MAX_BACKOFF)</c> with <c>b</c>
/// random in <c>[0, 1)</c> (scaled by the base delay) and <c>r = 2</c>. Full jitter spreads clients that failed together
/// so they do not retry in lockstep.
/// </summary>
internal static class Backoff
{
    /// <summary>The wait before retry <paramref name="retryIndex"/> (0 for the first retry).</summary>
    /// <param name="retryIndex">How many retries came before this one.</param>
    /// <param name="baseDelay">The scale of <c>b</c>.</param>
    /// <param name="maxBackoff">The cap.</param>
    /// <param name="random">A number in <c>[0, 1)</c>.</param>
    public static TimeSpan Compute(int retryIndex, TimeSpan baseDelay, TimeSpan maxBackoff, double random)
    {
        // 2^i grows past any sane cap long before it overflows a double; the cap is applied after scaling.
        var scaled = random * baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retryIndex, 62));
        var capped = Math.Min(scaled, maxBackoff.TotalMilliseconds);
        return capped <= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(capped);
    }
}
