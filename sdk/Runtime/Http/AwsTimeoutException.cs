using System;
using System.Globalization;

namespace CloudTrailSdk;

/// <summary>Which of the client's time limits ran out.</summary>
public enum AwsTimeoutKind
{
    /// <summary>One attempt (<see cref="AwsClientOptions.AttemptTimeout"/>, or the HttpClient's own timeout) took too long. Retried while attempts remain.</summary>
    Attempt,

    /// <summary>The whole call, retries and waits included (<see cref="AwsClientOptions.Timeout"/>), took too long. Never retried.</summary>
    Total,
}

/// <summary>
/// A call ran out of time. It is a <see cref="TimeoutException"/>, not an <see cref="OperationCanceledException"/>,
/// so callers can tell "too slow" apart from "I cancelled it"; <see cref="Kind"/> says which limit ran out.
/// </summary>
public sealed class AwsTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public AwsTimeoutException(string operation, AwsTimeoutKind kind, TimeSpan? timeout, Exception? innerException = null)
        : base(Describe(operation, kind, timeout), innerException)
    {
        Operation = operation;
        Kind = kind;
        Timeout = timeout;
    }

    /// <summary>The operation that timed out.</summary>
    public string Operation { get; }

    /// <summary>Which limit ran out.</summary>
    public AwsTimeoutKind Kind { get; }

    /// <summary>The limit, when it is one of ours (null when the HttpClient's own timeout fired).</summary>
    public TimeSpan? Timeout { get; }

    private static string Describe(string operation, AwsTimeoutKind kind, TimeSpan? timeout)
    {
        var limit = timeout is { } t ? " of " + t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s" : string.Empty;
        return kind == AwsTimeoutKind.Total
            ? operation + " did not complete within its total timeout" + limit + " (AwsClientOptions.Timeout, retries included)."
            : timeout is null
                ? operation + ": an attempt exceeded the HttpClient's own Timeout."
                : operation + ": an attempt did not complete within the attempt timeout" + limit + " (AwsClientOptions.AttemptTimeout).";
    }
}
