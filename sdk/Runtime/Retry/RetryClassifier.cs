using System;
using System.Collections.Frozen;
using System.IO;
using System.Net.Http;

namespace CloudTrailSdk.Runtime.Retry;

/// <summary>Why an attempt failed, as far as retrying is concerned.</summary>
internal enum RetryReason
{
    /// <summary>Retrying would fail the same way (validation, access denied, not found…).</summary>
    None,

    /// <summary>The service asked us to slow down.</summary>
    Throttling,

    /// <summary>A 5xx, a transient error code or a network failure: the next attempt may well succeed.</summary>
    Transient,

    /// <summary>The attempt ran out of time; retried, but it costs more of the retry quota.</summary>
    Timeout,
}

/// <summary>What AWS's standard retry mode retries, in one place: the error codes, the HTTP statuses and the exceptions.</summary>
internal static class RetryClassifier
{
    /// <summary>The throttling codes every AWS SDK's standard mode retries (CloudTrail's ThrottlingException comes as a 400).</summary>
    public static readonly FrozenSet<string> ThrottlingCodes = FrozenSet.ToFrozenSet(
        [
            "Throttling",
            "ThrottlingException",
            "ThrottledException",
            "RequestThrottledException",
            "TooManyRequestsException",
            "ProvisionedThroughputExceededException",
            "TransactionInProgressException",
            "RequestLimitExceeded",
            "BandwidthLimitExceeded",
            "LimitExceededException",
            "RequestThrottled",
            "SlowDown",
            "PriorRequestNotComplete",
            "EC2ThrottledException",
        ],
        StringComparer.Ordinal);

    /// <summary>Codes that mean "the service hiccupped", whatever the status.</summary>
    public static readonly FrozenSet<string> TransientCodes = FrozenSet.ToFrozenSet(
        ["RequestTimeout", "RequestTimeoutException", "InternalError"],
        StringComparer.Ordinal);

    /// <summary>Classifies an error response.</summary>
    public static RetryReason Classify(AwsErrorResponse error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (ThrottlingCodes.Contains(error.Code))
        {
            return RetryReason.Throttling;
        }

        if (TransientCodes.Contains(error.Code) || error.StatusCode is 500 or 502 or 503 or 504)
        {
            return RetryReason.Transient;
        }

        // 429 is throttling even when a proxy answers it without an AWS error code.
        return error.StatusCode == 429 ? RetryReason.Throttling : RetryReason.None;
    }

    /// <summary>Classifies an exception thrown while sending or reading (cancellation is decided by the caller first).</summary>
    public static RetryReason Classify(Exception exception) => exception switch
    {
        AwsTimeoutException => RetryReason.Timeout,
        TimeoutException => RetryReason.Timeout,
        HttpRequestException => RetryReason.Transient,
        IOException => RetryReason.Transient,
        _ => RetryReason.None,
    };
}
