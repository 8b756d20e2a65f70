using System;

namespace CloudTrailSdk;

/// <summary>How much an <see cref="AwsLogEntry"/> matters; maps one to one onto Microsoft.Extensions.Logging's levels.</summary>
public enum AwsLogLevel
{
    /// <summary>Each attempt and its outcome.</summary>
    Debug,

    /// <summary>A call completed.</summary>
    Information,

    /// <summary>A retry, or a retry refused by the quota.</summary>
    Warning,

    /// <summary>A call failed for good.</summary>
    Error,
}

/// <summary>
/// One thing the client did, for <see cref="AwsClientOptions.Log"/>. The runtime has no logging dependency: the
/// Extensions package turns these into ILogger calls. Entries carry no headers, bodies or credentials.
/// </summary>
/// <param name="Level">How much it matters.</param>
/// <param name="Operation">The operation.</param>
/// <param name="Attempt">The attempt (1-based).</param>
/// <param name="Message">What happened, in words.</param>
/// <param name="StatusCode">The HTTP status, when there was a response.</param>
/// <param name="ErrorCode">The AWS error code, when the service answered with one.</param>
/// <param name="RequestId">The request id, when there was a response.</param>
/// <param name="Delay">The wait before the next attempt, for retries.</param>
/// <param name="Exception">The failure, if any.</param>
public sealed record AwsLogEntry(
    AwsLogLevel Level,
    string Operation,
    int Attempt,
    string Message,
    int? StatusCode = null,
    string? ErrorCode = null,
    string? RequestId = null,
    TimeSpan? Delay = null,
    Exception? Exception = null);
