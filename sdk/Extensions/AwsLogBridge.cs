using System;
using CloudTrailSdk.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CloudTrailSdk.Extensions;

/// <summary>Turns the runtime's dependency-free log entries into ILogger calls.</summary>
public static class AwsLogBridge
{
    /// <summary>The logger category.</summary>
    public const string Category = "CloudTrailSdk";

    private static readonly Action<ILogger, string, int, string, int?, string?, string?, TimeSpan?, Exception?> Debug = Define(LogLevel.Debug, 1, "Call");
    private static readonly Action<ILogger, string, int, string, int?, string?, string?, TimeSpan?, Exception?> Information = Define(LogLevel.Information, 2, "Call");
    private static readonly Action<ILogger, string, int, string, int?, string?, string?, TimeSpan?, Exception?> Warning = Define(LogLevel.Warning, 3, "Retry");
    private static readonly Action<ILogger, string, int, string, int?, string?, string?, TimeSpan?, Exception?> Error = Define(LogLevel.Error, 4, "Failure");

    /// <summary>A callback for <see cref="AwsClientOptions.Log"/> that writes to <paramref name="logger"/>.</summary>
    public static Action<AwsLogEntry> To(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return entry =>
        {
            var write = entry.Level switch
            {
                AwsLogLevel.Debug => Debug,
                AwsLogLevel.Information => Information,
                AwsLogLevel.Warning => Warning,
                _ => Error,
            };

            // The entry holds no headers, bodies or credentials; exceptions' ToString shows code, status and request id only.
            // A missing request id (no answer, or a server that sends none) shows as "-", as in the exceptions, not "(null)".
            write(logger, entry.Operation, entry.Attempt, entry.Message, entry.StatusCode, entry.ErrorCode, entry.RequestId ?? "-", entry.Delay, entry.Exception);
        };
    }

    private static Action<ILogger, string, int, string, int?, string?, string?, TimeSpan?, Exception?> Define(LogLevel level, int id, string name)
    {
        // LoggerMessage allows six values at most, so the outcome fields share one structured template via a small adapter.
        var withError = LoggerMessage.Define<string, int, string, int?, string?, string?>(
            level,
            new EventId(id, name),
            "{Operation} attempt {Attempt} {Outcome} (status {StatusCode}, error {ErrorCode}, request {RequestId})");

        // Success and network failures have no error code: a template without it, rather than "error (null)".
        var withoutError = LoggerMessage.Define<string, int, string, int?, string?>(
            level,
            new EventId(id, name),
            "{Operation} attempt {Attempt} {Outcome} (status {StatusCode}, request {RequestId})");
        var withDelay = LoggerMessage.Define<string, int, string, int?, string?, TimeSpan?>(
            level,
            new EventId(id, name),
            "{Operation} attempt {Attempt} {Outcome} (status {StatusCode}, error {ErrorCode}); next attempt in {Delay}");
        var withDelayNoError = LoggerMessage.Define<string, int, string, int?, TimeSpan?>(
            level,
            new EventId(id, name),
            "{Operation} attempt {Attempt} {Outcome} (status {StatusCode}); next attempt in {Delay}");
        return (logger, operation, attempt, message, status, code, requestId, delay, exception) =>
        {
            switch (delay, code)
            {
                case (null, null):
                    withoutError(logger, operation, attempt, message, status, requestId, exception);
                    break;
                case (null, _):
                    withError(logger, operation, attempt, message, status, code, requestId, exception);
                    break;
                case (_, null):
                    withDelayNoError(logger, operation, attempt, message, status, delay, exception);
                    break;
                default:
                    withDelay(logger, operation, attempt, message, status, code, delay, exception);
                    break;
            }
        };
    }
}
