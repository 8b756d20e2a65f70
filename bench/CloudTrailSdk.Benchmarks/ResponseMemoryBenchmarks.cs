using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Pacing;
using CloudTrailSdk.Runtime.Retry;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// Memory a response costs while it is read: a LookupEvents answer of <see cref="BodyMiB"/> MiB (a JSON object padded
/// with whitespace, so parsing allocates next to nothing and what is measured is the body buffer) through our client,
/// with and without a Content-Length, next to the old way (<c>HttpContent.ReadAsByteArrayAsync</c>). The handler serves
/// one pre-built array through a forward-only stream, as a socket would, so the only per-call allocations are the
/// reader's. Allocated bytes per call bound the peak from above: memory per response / body = Allocated / body size.
/// </summary>
[MemoryDiagnoser]
public class ResponseMemoryBenchmarks
{
    private byte[] _body = null!;
    private CloudTrailClient _sized = null!;
    private CloudTrailClient _unsized = null!;
    private HttpClient _raw = null!;

    /// <summary>Body size in MiB.</summary>
    [Params(1, 16, 64)]
    public int BodyMiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _body = new byte[BodyMiB * 1024 * 1024];
        _body.AsSpan().Fill((byte)' ');
        _body[0] = (byte)'{';
        _body[^1] = (byte)'}';
        _sized = Client(new BodyHandler(_body, sized: true));
        _unsized = Client(new BodyHandler(_body, sized: false));
        _raw = new HttpClient(new BodyHandler(_body, sized: true));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sized.Dispose();
        _unsized.Dispose();
        _raw.Dispose();
    }

    /// <summary>Our client, Content-Length present (as AWS sends): one exact-size buffer.</summary>
    [Benchmark]
    public Task<LookupEventsResponse> ClientWithContentLength() => _sized.LookupEventsAsync(new LookupEventsRequest());

    /// <summary>Our client, no Content-Length (chunked): growing segments, parsed in place.</summary>
    [Benchmark]
    public Task<LookupEventsResponse> ClientWithoutContentLength() => _unsized.LookupEventsAsync(new LookupEventsRequest());

    /// <summary>The previous reading: ReadAsByteArrayAsync buffers, then copies into an exact-size array.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> ReadAsByteArray()
    {
        using var response = await _raw.GetAsync("https://cloudtrail.bench/", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        return (await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).Length;
    }

    private static CloudTrailClient Client(HttpMessageHandler handler) =>
        new(new HttpClient(handler), new AwsClientOptions
        {
            Region = "us-east-1",
            Endpoint = "https://cloudtrail.bench",
            Credentials = new AwsCredentials("AKIDBENCH", "bench-secret"),
            Pacing = AwsPacing.Off,
            Retry = new AwsRetryOptions { MaxAttempts = 1 },
            ValidateRequests = false,
        });

    private sealed class BodyHandler(byte[] body, bool sized) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new BodyContent(body, sized) });
    }

    private sealed class BodyContent(byte[] body, bool sized) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new ForwardOnly(body));

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return sized;
        }
    }

    private sealed class ForwardOnly(byte[] body) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 64 * 1024), body.Length - _position);
            Array.Copy(body, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
