using System;
using System.Text.Json;

namespace CloudTrailSdk;

/// <summary>The service answered with an error. Carries the error code, HTTP status and request id.</summary>
public class AwsServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AwsServiceException(string errorCode, string? message, int statusCode, string? requestId, Exception? innerException = null)
        : base(string.IsNullOrEmpty(message) ? errorCode : message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The error code, e.g. <c>TrailNotFoundException</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The request id AWS assigned, for support cases.</summary>
    public string? RequestId { get; }

    /// <summary>Writes the error as an awsJson error body: <c>__type</c>, <c>message</c> and any modelled members.</summary>
    public void WriteBody(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("__type"u8, ErrorCode);
        writer.WriteString("message"u8, Message);
        WriteMembers(writer);
        writer.WriteEndObject();
    }

    /// <summary>Writes modelled members beyond the message; generated error types override it.</summary>
    protected virtual void WriteMembers(Utf8JsonWriter writer)
    {
    }

    /// <inheritdoc/>
    public override string ToString() => GetType().FullName + " (" + ErrorCode + ", HTTP " + StatusCode + ", request " + (RequestId ?? "-") + "): " + Message;
}
