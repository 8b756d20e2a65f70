using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Diagnostics;
using CloudTrailSdk.Runtime.Pacing;
using CloudTrailSdk.Runtime.Retry;

namespace CloudTrailSdk.Runtime.Http;

/// <summary>
/// One call from start to finish: the total timeout, pacing, attempts, AWS standard-mode retries with backoff and the
/// retry quota, plus the call's activity and log entries. Everything that waits, waits on the client's TimeProvider.
/// </summary>
internal sealed class CallPipeline
{
    private readonly string _serviceId;
    private readonly string _region;
    private readonly AttemptSender _sender;
    private readonly OperationPacer _pacer;
    private readonly RetryQuota _quota;
    private readonly AwsRetryOptions _retry;
    private readonly int _maxAttempts;
    private readonly TimeSpan? _totalTimeout;
    private readonly TimeProvider _time;
    private readonly Action<AwsLogEntry>? _log;
    private readonly AdaptiveRateLimiter? _limiter;

    public CallPipeline(
        string serviceId,
        string region,
        AttemptSender sender,
        OperationPacer pacer,
        AwsRetryOptions retry,
        int maxAttempts,
        TimeSpan? totalTimeout,
        TimeProvider time,
        Action<AwsLogEntry>? log,
        AdaptiveRateLimiter? limiter = null)
    {
        _limiter = limiter;
        _serviceId = serviceId;
        _region = region;
        _sender = sender;
        _pacer = pacer;
        _retry = retry;
        _quota = new RetryQuota(retry.QuotaCapacity);
        _maxAttempts = maxAttempts;
        _totalTimeout = totalTimeout;
        _time = time;
        _log = log;
    }

    /// <summary>The adaptive mode's limiter (null in standard mode), for tests.</summary>
    internal AdaptiveRateLimiter? Limiter => _limiter;

    /// <summary>The retry quota's balance, for tests.</summary>
    internal int QuotaAvailable => _quota.Available;

    public async Task<RawResponse> SendAsync(string operation, double rateLimit, byte[] body, CancellationToken cancellationToken, OutgoingTraits traits = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = StartActivity(operation);
        using var total = _totalTimeout is { } limit ? new CancellationTokenSource(limit, _time) : null;
        using var linked = total is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, total.Token);
        var callToken = linked?.Token ?? cancellationToken;
        var attempt = 0;
        var lastRetryCost = 0;
        AttemptResult result = default;
        try
        {
            while (true)
            {
                attempt++;
                try
                {
                    // Every attempt is a request AWS counts against the rate, so retries are paced too.
                    await _pacer.WaitAsync(operation, rateLimit, callToken).ConfigureAwait(false);
                    if (_limiter is not null)
                    {
                        await _limiter.AcquireAsync(callToken).ConfigureAwait(false);
                    }

                    result = await _sender.SendAsync(operation, body, callToken, traits).ConfigureAwait(false);
                    _limiter?.Update(result.Reason == RetryReason.Throttling);
                }
                catch (OperationCanceledException ex) when (IsTotalTimeout(cancellationToken, total))
                {
                    throw new AwsTimeoutException(operation, AwsTimeoutKind.Total, _totalTimeout, ex);
                }

                if (result.Response is { } response)
                {
                    _quota.OnSuccess(lastRetryCost);
                    Log(AwsLogLevel.Debug, operation, attempt, "succeeded", result);
                    return response;
                }

                var error = result.Error!;
                if (result.Reason == RetryReason.None)
                {
                    Fail(operation, attempt, "failed and is not retryable", result, error);
                }

                if (attempt >= _maxAttempts)
                {
                    Fail(operation, attempt, "failed; no attempts left", result, error);
                }

                if (!_quota.TryAcquire(result.Reason == RetryReason.Timeout, out var cost))
                {
                    Fail(operation, attempt, "failed; the retry quota is exhausted, so it is not retried", result, error);
                }

                lastRetryCost = cost;
                var delay = Backoff.Compute(attempt - 1, _retry.BaseDelay, _retry.MaxBackoff, Random.Shared.NextDouble());
                _log?.Invoke(new AwsLogEntry(AwsLogLevel.Warning, operation, attempt, "failed (" + result.Reason + "); retrying", result.StatusCode, result.ErrorCode, result.RequestId, delay, error));
                try
                {
                    await Task.Delay(delay, _time, callToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (IsTotalTimeout(cancellationToken, total))
                {
                    throw new AwsTimeoutException(operation, AwsTimeoutKind.Total, _totalTimeout, ex);
                }
            }
        }
        catch (Exception ex) when (activity is not null && MarkFailed(activity, ex, result))
        {
            throw; // MarkFailed returns false: the filter only tags the activity, the exception passes through untouched.
        }
        finally
        {
            if (activity is not null)
            {
                activity.SetTag(AwsDiagnostics.AttemptsTag, attempt);
                if (result.StatusCode is { } status)
                {
                    activity.SetTag(AwsDiagnostics.StatusCodeTag, status);
                }

                if (result.RequestId is { } requestId)
                {
                    activity.SetTag(AwsDiagnostics.RequestIdTag, requestId);
                }
            }
        }
    }

    private Activity? StartActivity(string operation)
    {
        // Nothing is built unless someone listens: StartActivity returns null and the tags below are skipped.
        var activity = AwsDiagnostics.Source.StartActivity(_serviceId + "/" + operation, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(AwsDiagnostics.RpcSystemTag, "aws-api");
            activity.SetTag(AwsDiagnostics.RpcServiceTag, _serviceId);
            activity.SetTag(AwsDiagnostics.RpcMethodTag, operation);
            activity.SetTag(AwsDiagnostics.RegionTag, _region);
        }

        return activity;
    }

    private static bool MarkFailed(Activity activity, Exception exception, AttemptResult last)
    {
        var errorType = exception is AwsServiceException service ? service.ErrorCode : last.ErrorCode ?? exception.GetType().FullName;
        activity.SetTag(AwsDiagnostics.ErrorTypeTag, errorType);
        activity.SetStatus(ActivityStatusCode.Error, errorType);
        return false;
    }

    private static bool IsTotalTimeout(CancellationToken caller, CancellationTokenSource? total) =>
        !caller.IsCancellationRequested && total?.IsCancellationRequested == true;

    private void Log(AwsLogLevel level, string operation, int attempt, string message, AttemptResult result, Exception? error = null) =>
        _log?.Invoke(new AwsLogEntry(level, operation, attempt, message, result.StatusCode, result.ErrorCode, result.RequestId, null, error));

    [DoesNotReturn]
    private void Fail(string operation, int attempt, string message, AttemptResult result, Exception error)
    {
        Log(AwsLogLevel.Error, operation, attempt, message, result, error);

        // Service errors are fresh objects; network errors were caught, and keep the stack of where they were thrown.
        ExceptionDispatchInfo.Capture(error).Throw();
    }
}
