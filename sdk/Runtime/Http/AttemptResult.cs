using System;
using CloudTrailSdk.Runtime.Retry;

namespace CloudTrailSdk.Runtime.Http;

/// <summary>How one attempt ended: a response, or an error with what retrying it would mean.</summary>
internal readonly record struct AttemptResult(RawResponse? Response, Exception? Error, RetryReason Reason, int? StatusCode, string? ErrorCode, string? RequestId)
{
    public static AttemptResult Success(RawResponse response) => new(response, null, RetryReason.None, response.StatusCode, null, response.RequestId);

    public static AttemptResult Failure(Exception error, RetryReason reason, int? statusCode = null, string? errorCode = null, string? requestId = null) =>
        new(null, error, reason, statusCode, errorCode, requestId);
}
