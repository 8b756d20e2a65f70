using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime;
using Microsoft.AspNetCore.Http;

namespace CloudTrailSdk.Fake.Hosting;

/// <summary>Copies a Kestrel request into the fake and the fake's answer back; no behaviour lives here.</summary>
internal static class KestrelBridge
{
    public static async Task ServeAsync(HttpContext context, FakeCloudTrail fake)
    {
        byte[]? body;
        try
        {
            body = await ReadBodyAsync(context, fake.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own verdict on the framing (truncated, malformed): a 4xx with its status, never a 5xx.
            context.Response.StatusCode = ex.StatusCode;
            return;
        }

        if (body is null)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            await WriteAsync(context, fake, fake.BodyTooLarge()).ConfigureAwait(false);
            return;
        }

        var request = context.Request;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers)
        {
            foreach (var value in header.Value)
            {
                headers.Add(new KeyValuePair<string, string>(header.Key, value ?? string.Empty));
            }
        }

        var answer = await fake.HandleAsync(
            new FakeHttpRequest
            {
                Method = request.Method,
                Path = request.Path.HasValue ? request.Path.ToUriComponent() : "/",
                Query = request.QueryString.Value,
                Headers = headers,
                Body = body,
                RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
            },
            context.RequestAborted).ConfigureAwait(false);

        await WriteAsync(context, fake, answer).ConfigureAwait(false);
    }

    // Reads the body up to the limit; null when it is larger. The rest of a large body is read and dropped, up to a
    // bound, so that the client finishes sending and sees the 413 answer: a server that answers and closes while the
    // client still writes leaves most clients with a reset connection instead of the error.
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, long limit)
    {
        var drainLimit = Math.Max(limit, 64L * 1024 * 1024);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total <= limit)
            {
                buffer.Write(chunk, 0, read);
            }
            else if (total > drainLimit)
            {
                // Past the drain bound the client is streaming without end: answering is no longer worth waiting for.
                context.Abort();
                return null;
            }
        }

        return total <= limit ? buffer.ToArray() : null;
    }

    private static async Task WriteAsync(HttpContext context, FakeCloudTrail fake, FakeHttpResponse answer)
    {
        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        response.ContentType = fake.ContentType;
        response.ContentLength = answer.Body.Length;
        response.Headers[AwsJsonProtocol.RequestIdHeader] = answer.RequestId;
        await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
