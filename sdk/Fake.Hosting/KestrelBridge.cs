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
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel stops reading at the limit; the answer is the fake's own, with __type and message like any error.
            await WriteAsync(context, fake, fake.BodyTooLarge()).ConfigureAwait(false);
            return;
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own verdict on the framing (truncated, malformed): a 4xx with its status, never a 5xx.
            context.Response.StatusCode = ex.StatusCode;
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
