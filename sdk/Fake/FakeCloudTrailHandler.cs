using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Auth;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Serves the fake in-process: give it to an HttpClient and the client talks to the fake with no sockets. It copies the
/// request into a <see cref="FakeHttpRequest"/> and the answer back; the fake does the rest, as it does behind Kestrel.
/// </summary>
public sealed class FakeCloudTrailHandler : HttpMessageHandler
{
    private readonly FakeCloudTrailServer _server;
    private readonly bool _ownsServer;

    /// <summary>Creates a handler over <paramref name="server"/> (a fresh, empty fake when none is given).</summary>
    public FakeCloudTrailHandler(FakeCloudTrailServer? server = null)
    {
        _ownsServer = server is null;
        _server = server ?? new FakeCloudTrailServer();
    }

    /// <summary>The fake behind this handler, for seeding and inspection.</summary>
    public FakeCloudTrailServer Server => _server;

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var uri = request.RequestUri;
        var answer = await _server.HandleAsync(
            new FakeHttpRequest
            {
                Method = request.Method.Method,
                Path = uri is { IsAbsoluteUri: true } ? uri.AbsolutePath : "/",
                Query = uri is { IsAbsoluteUri: true } ? uri.Query : null,
                Headers = SigV4Verifier.HeadersOf(request),
                Body = body,
                RemoteAddress = "127.0.0.1",
            },
            cancellationToken).ConfigureAwait(false);

        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode)
        {
            Content = new ByteArrayContent(answer.Body),
            RequestMessage = request,
        };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", FakeHttpResponse.ContentType);
        response.Headers.TryAddWithoutValidation(FakeHttpResponse.RequestIdHeader, answer.RequestId);
        return response;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        // A fake handed in may be shared with other handlers or hosts; only the one made here is this handler's.
        if (disposing && _ownsServer)
        {
            _server.Dispose();
        }

        base.Dispose(disposing);
    }
}
