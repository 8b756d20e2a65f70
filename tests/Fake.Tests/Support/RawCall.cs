using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using CloudTrailSdk.Server;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>An answer read off the wire, for checks on the protocol itself.</summary>
internal sealed record RawAnswer(int Status, string? ContentType, string? RequestId, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? ErrorType => Status >= 400 ? Json.GetProperty("__type").GetString() : null;
}

/// <summary>Hand-made HTTP requests, unsigned unless told, for what no well-behaved client would send.</summary>
internal static class RawCall
{
    private static readonly HttpClient Http = new();

    public static string Target(string operation) => CloudTrailServiceBase.TargetPrefix + "." + operation;

    public static Task<RawAnswer> PostAsync(Uri endpoint, string? target, string body) => SendAsync(endpoint, HttpMethod.Post, target, new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body)));

    public static async Task<RawAnswer> SendAsync(Uri endpoint, HttpMethod method, string? target, HttpContent? content, string? authorization = null)
    {
        using var request = new HttpRequestMessage(method, endpoint) { Content = content };
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        content?.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
        using var response = await Http.SendAsync(request);
        return new RawAnswer(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.Single() : null,
            await response.Content.ReadAsStringAsync());
    }
}
