using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Server;
using CloudTrailSdk.Server;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Serves the fake in-process: give it to an HttpClient and the client talks to the fake with no sockets. Reads the
/// awsJson envelope (X-Amz-Target, SigV4 scope) and hands the body to the generated dispatcher.
/// </summary>
public sealed class FakeCloudTrailHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue JsonType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
    private readonly FakeCloudTrailServer _server;

    /// <summary>Creates a handler over <paramref name="server"/> (a fresh, empty fake when none is given).</summary>
    public FakeCloudTrailHandler(FakeCloudTrailServer? server = null) => _server = server ?? new FakeCloudTrailServer();

    /// <summary>The fake behind this handler, for seeding and inspection.</summary>
    public FakeCloudTrailServer Server => _server;

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString();
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? string.Join(",", values) : null;
        AwsServerResult result;
        if (request.Method != HttpMethod.Post)
        {
            result = AwsServerDispatch.Error(new Runtime.AwsServiceException("UnknownOperationException", "Only POST is supported.", 400, requestId));
        }
        else if (target is null || !target.StartsWith(CloudTrailServerBase.TargetPrefix + ".", StringComparison.Ordinal))
        {
            result = AwsServerDispatch.Error(new Runtime.AwsServiceException("UnknownOperationException", "Missing or unknown X-Amz-Target '" + target + "'.", 400, requestId));
        }
        else
        {
            var operation = target.Substring(CloudTrailServerBase.TargetPrefix.Length + 1);
            var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            SigV4AuthorizationHeader.TryParse(request.Headers.Authorization?.ToString(), out var auth, out _);
            var context = new AwsServerContext(operation, requestId)
            {
                Region = auth?.Region,
                AccessKeyId = auth?.AccessKeyId,
                UserAgent = request.Headers.UserAgent.ToString(),
                SourceIpAddress = "127.0.0.1",
                ReceivedAt = _server.TimeProvider.GetUtcNow(),
            };
            result = await _server.DispatchAsync(operation, body, context, cancellationToken).ConfigureAwait(false);
        }

        var response = new HttpResponseMessage((HttpStatusCode)result.StatusCode)
        {
            Content = new ByteArrayContent(result.Body),
            RequestMessage = request,
        };
        response.Content.Headers.ContentType = JsonType;
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", requestId);
        return response;
    }
}
