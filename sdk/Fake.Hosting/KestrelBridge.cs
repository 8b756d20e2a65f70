using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CloudTrailSdk.Fake.Hosting;

/// <summary>Copies a Kestrel request into the fake and the fake's answer back; no behaviour lives here.</summary>
internal static class KestrelBridge
{
    public static async Task ServeAsync(HttpContext context, FakeCloudTrailServer server)
    {
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own verdict on the framing (too large, truncated): a 4xx with its status, never a 5xx.
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

        var answer = await server.HandleAsync(
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

        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        response.ContentType = FakeHttpResponse.ContentType;
        response.ContentLength = answer.Body.Length;
        response.Headers[FakeHttpResponse.RequestIdHeader] = answer.RequestId;
        await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
