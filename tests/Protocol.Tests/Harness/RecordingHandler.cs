using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Protocol.Tests.Harness;

/// <summary>Keeps the request the client sent and answers with a canned response.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly int _status;
    private readonly IReadOnlyDictionary<string, string> _headers;
    private readonly string _body;

    public RecordingHandler(int status = 200, IReadOnlyDictionary<string, string>? headers = null, string body = "{}")
    {
        _status = status;
        _headers = headers ?? new Dictionary<string, string>();
        _body = body;
    }

    public HttpRequestMessage? Request { get; private set; }

    public byte[] RequestBody { get; private set; } = System.Array.Empty<byte>();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Request = request;
        RequestBody = request.Content is null ? System.Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var response = new HttpResponseMessage((HttpStatusCode)_status) { Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(_body)) };
        foreach (var (name, value) in _headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
