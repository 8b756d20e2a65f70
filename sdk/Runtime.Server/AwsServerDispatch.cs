using System;
using System.Buffers;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Serialization;
using CloudTrailSdk.Runtime.Validation;

namespace CloudTrailSdk.Runtime.Server;

/// <summary>
/// The steps every generated server handler shares: read the body, validate it with the same validators the client
/// runs, call the behaviour, and write the answer. Bad input is always a 4xx with the code AWS would use.
/// </summary>
public static class AwsServerDispatch
{
    /// <summary>The code for a request whose body is not the JSON the operation expects.</summary>
    public const string SerializationError = AwsRequestBody.SerializationError;

    /// <summary>Runs an operation with input and output.</summary>
    public static async Task<AwsServerResult> HandleAsync<TRequest, TResponse>(
        ReadOnlyMemory<byte> body,
        AwsServerContext context,
        AwsJsonRead<TRequest> read,
        AwsValidate<TRequest> validate,
        Func<TRequest, AwsServerContext, CancellationToken, Task<TResponse>> handler,
        AwsJsonWrite<TResponse> write,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(validate);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(write);
        if (!TryRead(body, read, validate, out var request, out var failure))
        {
            return failure!;
        }

        try
        {
            var response = await handler(request!, context, cancellationToken).ConfigureAwait(false);
            return Ok(write, response);
        }
        catch (AwsServiceException ex)
        {
            return Error(ex);
        }
    }

    /// <summary>Runs an operation with input and no output.</summary>
    public static async Task<AwsServerResult> HandleAsync<TRequest>(
        ReadOnlyMemory<byte> body,
        AwsServerContext context,
        AwsJsonRead<TRequest> read,
        AwsValidate<TRequest> validate,
        Func<TRequest, AwsServerContext, CancellationToken, Task> handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!TryRead(body, read, validate, out var request, out var failure))
        {
            return failure!;
        }

        try
        {
            await handler(request!, context, cancellationToken).ConfigureAwait(false);
            return new AwsServerResult(200, "{}"u8.ToArray());
        }
        catch (AwsServiceException ex)
        {
            return Error(ex);
        }
    }

    /// <summary>Runs an operation that takes no input (the body, if any, must still be a JSON object).</summary>
    public static async Task<AwsServerResult> HandleAsync<TResponse>(
        ReadOnlyMemory<byte> body,
        AwsServerContext context,
        Func<AwsServerContext, CancellationToken, Task<TResponse>> handler,
        AwsJsonWrite<TResponse> write,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(write);
        if (!TryRead(body, IgnoreBody, NoValidation, out _, out var failure))
        {
            return failure!;
        }

        try
        {
            return Ok(write, await handler(context, cancellationToken).ConfigureAwait(false));
        }
        catch (AwsServiceException ex)
        {
            return Error(ex);
        }
    }

    /// <summary>Runs an operation with neither input nor output.</summary>
    public static async Task<AwsServerResult> HandleAsync(
        ReadOnlyMemory<byte> body,
        AwsServerContext context,
        Func<AwsServerContext, CancellationToken, Task> handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!TryRead(body, IgnoreBody, NoValidation, out _, out var failure))
        {
            return failure!;
        }

        try
        {
            await handler(context, cancellationToken).ConfigureAwait(false);
            return new AwsServerResult(200, "{}"u8.ToArray());
        }
        catch (AwsServiceException ex)
        {
            return Error(ex);
        }
    }

    private static bool IgnoreBody(ref Utf8JsonReader reader)
    {
        AwsJson.ExpectStartObject(ref reader, "request");
        reader.Skip();
        return true;
    }

    private static void NoValidation(bool value, ValidationCollector issues, string path)
    {
    }

    /// <summary>An operation's behaviour is missing: a clear 400 that names it, never a 5xx.</summary>
    public static AwsServiceException NotImplemented(string operation) =>
        new("UnsupportedOperationException", "The operation " + operation + " has no behaviour in this server yet.", 400, null);

    /// <summary>The answer to an X-Amz-Target this service does not have.</summary>
    public static AwsServerResult UnknownOperation(string operation) =>
        Error(new AwsServiceException("UnknownOperationException", "Unknown operation '" + operation + "'.", 400, null));

    /// <summary>Writes an error as AWS does: the status, and a body with <c>__type</c> and <c>message</c>.</summary>
    public static AwsServerResult Error(AwsServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            error.WriteBody(writer);
        }

        return new AwsServerResult(error.StatusCode, buffer.WrittenSpan.ToArray(), error.ErrorCode);
    }

    /// <summary>Turns validation issues into the error a service answers with: the first issue's code, every issue in the message.</summary>
    public static AwsServiceException FromValidation(AwsValidationException invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        var code = invalid.Issues[0].ErrorCode;
        var message = string.Join("; ", invalid.Issues.Select(i => i.ToString()));
        return new AwsServiceException(code, message, 400, null);
    }

    private static bool TryRead<TRequest>(ReadOnlyMemory<byte> body, AwsJsonRead<TRequest> read, AwsValidate<TRequest> validate, out TRequest? request, out AwsServerResult? failure)
    {
        request = default;
        failure = null;
        try
        {
            AwsRequestBody.EnsureWellFormed(body.Span);
        }
        catch (AwsServiceException ex)
        {
            failure = Error(ex);
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body.IsEmpty ? "{}"u8 : body.Span);
            request = read(ref reader);
            if (reader.Read())
            {
                throw new AwsJsonException("Unexpected content after the request object", reader.TokenStartIndex);
            }
        }
        catch (Exception ex) when (ex is JsonException or AwsJsonException or InvalidOperationException)
        {
            failure = Error(new AwsServiceException(SerializationError, "The request body is not valid: " + ex.Message, 400, null));
            return false;
        }

        var issues = new ValidationCollector { CheckEnumValues = true };
        validate(request!, issues, string.Empty);
        if (!issues.IsValid)
        {
            failure = Error(FromValidation(new AwsValidationException("request", issues.Issues)));
            return false;
        }

        return true;
    }

    private static AwsServerResult Ok<T>(AwsJsonWrite<T> write, T value)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        return new AwsServerResult(200, buffer.WrittenSpan.ToArray());
    }
}
