using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Runtime.Pacing;
using CloudTrailSdk.Runtime.Retry;
using CloudTrailSdk.Runtime.Serialization;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Sdk.Tests;

/// <summary>What the stub saw of one request (copied out before the client disposes the message).</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri? Uri, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new Xunit.Sdk.XunitException("missing header " + name);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}

/// <summary>An in-process HttpMessageHandler: answers from a function, records every request; no sockets.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<int, RecordedRequest, HttpResponseMessage> _respond;

    public StubHandler(Func<int, RecordedRequest, HttpResponseMessage> respond) => _respond = respond;

    public List<RecordedRequest> Requests { get; } = new();

    public static StubHandler Always(HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        new((_, _) => Response(status, body, headers));

    public static HttpResponseMessage Response(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        var body = string.Empty;
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            body = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri, headers, body);
        Requests.Add(recorded);
        return _respond(Requests.Count - 1, recorded);
    }
}

internal static class TestClients
{
    public static readonly DateTimeOffset Now = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static CloudTrailClient Create(StubHandler stub, FakeEnvironment environment, bool validate = true) =>
        new(new HttpClient(stub), new AwsClientOptions
        {
            Region = "us-east-1",
            Credentials = new AwsCredentials("AKID", "SECRET"),
            Endpoint = "https://cloudtrail.example",
            Environment = environment,
            TimeProvider = new ManualTimeProvider(Now),
            ValidateRequests = validate,

            // These tests pin the wire format of single exchanges on a clock that never moves; retries and pacing
            // would wait on real timers here, so they are off, and have their own tests on a fake clock.
            Retry = new AwsRetryOptions { MaxAttempts = 1 },
            Pacing = AwsPacing.Off,
        });
}

/// <summary>Runs generated serializers the way the client does.</summary>
internal static class Json
{
    public static string Write<T>(AwsJsonWrite<T> write, T value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static T Read<T>(AwsJsonRead<T> read, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        return read(ref reader);
    }

    /// <summary>Writes, reads back, writes again: the two texts must match, and the read value is returned.</summary>
    public static T RoundTrip<T>(AwsJsonWrite<T> write, AwsJsonRead<T> read, T value, out string json)
    {
        json = Write(write, value);
        var back = Read(read, json);
        Assert.Equal(json, Write(write, back));
        return back;
    }

    public static IReadOnlyList<string> PropertyNames(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).ToList();
}
