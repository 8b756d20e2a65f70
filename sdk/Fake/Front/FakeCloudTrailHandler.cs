using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Server.Auth;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Serves the fake in-process: give it to an HttpClient and the client talks to the fake with no sockets. It copies the
/// request into a <see cref="FakeHttpRequest"/> and the answer back; the fake does the rest, as it does behind Kestrel.
/// </summary>
public sealed class FakeCloudTrailHandler : HttpMessageHandler
{
    private readonly FakeCloudTrail _fake;
    private readonly bool _ownsFake;

    /// <summary>Creates a handler over <paramref name="fake"/> (a fresh, empty fake when none is given).</summary>
    public FakeCloudTrailHandler(FakeCloudTrail? fake = null)
    {
        _ownsFake = fake is null;
        _fake = fake ?? new FakeCloudTrail();
    }

    /// <summary>The fake behind this handler, for seeding and inspection.</summary>
    public FakeCloudTrail Fake => _fake;

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var uri = request.RequestUri;
        var answer = await _fake.HandleAsync(
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
        response.Content.Headers.TryAddWithoutValidation("Content-Type", _fake.ContentType);
        response.Headers.TryAddWithoutValidation(AwsJsonProtocol.RequestIdHeader, answer.RequestId);
        return response;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        // A fake handed in may be shared with other handlers or hosts; only the one made here is this handler's.
        if (disposing && _ownsFake)
        {
            _fake.Dispose();
        }

        base.Dispose(disposing);
    }
}
