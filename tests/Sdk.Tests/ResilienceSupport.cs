using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Sdk.Tests;

/// <summary>Clients for the retry, timeout and pacing tests: defaults on (as users get them), on a fake clock.</summary>
internal static class ResilientClients
{
    public static CloudTrailClient Create(HttpMessageHandler handler, IEnvironment environment, ManualTimeProvider clock, Action<AwsClientOptions>? configure = null)
    {
        var options = new AwsClientOptions
        {
            Region = "us-east-1",
            Credentials = new AwsCredentials("AKID", "SECRET"),
            Endpoint = "https://cloudtrail.example",
            Environment = environment,
            TimeProvider = clock,
        };
        configure?.Invoke(options);
        return new CloudTrailClient(new HttpClient(handler), options);
    }

    public static HttpResponseMessage Throttled() =>
        StubHandler.Response(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""", ("x-amzn-RequestId", "throttled"));

    public static HttpResponseMessage Error(HttpStatusCode status, string code = "InternalFailure") =>
        StubHandler.Response(status, "{\"__type\":\"" + code + "\",\"message\":\"injected\"}");

    public static HttpResponseMessage Ok(string body = "{}", string requestId = "ok") =>
        StubHandler.Response(HttpStatusCode.OK, body, ("x-amzn-RequestId", requestId));
}

/// <summary>Holds the first <c>hangs</c> requests until they are cancelled (a server that never answers); the rest go to the inner handler.</summary>
internal sealed class HangingHandler(int hangs, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _seen;

    public int Hung { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_seen++ < hangs)
        {
            Hung++;
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
