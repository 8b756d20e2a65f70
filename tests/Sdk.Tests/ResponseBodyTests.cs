using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Http;
using CloudTrailSdk.Runtime.Pacing;
using CloudTrailSdk.Runtime.Retry;
using CloudTrailSdk.Runtime.Serialization;

namespace CloudTrailSdk.Sdk.Tests;

/// <summary>Response metadata, the body size limit, bodies without a Content-Length, and how unreadable bodies are reported.</summary>
[Trait("Category", "Unit")]
public sealed class ResponseBodyTests : IDisposable
{
    private readonly FakeEnvironment _environment = FakeEnvironment.WithPrivateHome();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public async Task Every_response_carries_request_id_status_and_headers()
    {
        var stub = StubHandler.Always(HttpStatusCode.OK, "{\"trailList\":[]}", ("x-amzn-RequestId", "req-123"), ("X-Custom", "a"));
        using var client = Client(stub);

        var response = await client.DescribeTrailsAsync(new DescribeTrailsRequest());

        Assert.Equal("req-123", response.ResponseMetadata.RequestId);
        Assert.Equal(200, response.ResponseMetadata.HttpStatusCode);
        Assert.Equal("a", response.ResponseMetadata.GetHeader("x-custom"));
        Assert.Equal("application/x-amz-json-1.1; charset=utf-8", response.ResponseMetadata.GetHeader("Content-Type"));
    }

    [Fact]
    public async Task Metadata_is_not_part_of_a_responses_value()
    {
        using var client = Client(StubHandler.Always(HttpStatusCode.OK, "{\"NextToken\":\"n\"}", ("x-amzn-RequestId", "req-1")));

        var read = await client.LookupEventsAsync(new LookupEventsRequest());
        var built = new LookupEventsResponse { NextToken = "n" };

        Assert.Equal(built, read);
        Assert.Equal(built.GetHashCode(), read.GetHashCode());
        Assert.Equal(built.ToString(), read.ToString());
        Assert.Same(ResponseMetadata.None, built.ResponseMetadata);
    }

    [Fact]
    public async Task A_body_over_the_limit_fails_naming_the_limit_and_is_not_retried()
    {
        var stub = StubHandler.Always(HttpStatusCode.OK, "{\"NextToken\":\"" + new string('x', 2000) + "\"}");
        using var client = Client(stub, maxBody: 1024, attempts: 3);

        var error = await Assert.ThrowsAsync<AwsResponseTooLargeException>(() => client.LookupEventsAsync(new LookupEventsRequest()));

        Assert.Equal(1024, error.Limit);
        Assert.Equal(2016, error.DeclaredLength);
        Assert.Equal("LookupEvents: the response body is 2016 bytes, above the limit of 1024 bytes (AwsClientOptions.MaxResponseBodySize). Raise the limit if answers this large are expected.", error.Message);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_body_without_length_is_read_across_segments_and_stopped_at_the_limit()
    {
        // 300 KB spans many read segments; the token must come back intact.
        var token = string.Concat(Enumerable.Range(0, 30_000).Select(i => (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture))) + new string('y', 270_000);
        var body = "{\"NextToken\":\"" + token + "\"}";
        using (var client = Client(new StubHandler((_, _) => Unsized(body))))
        {
            Assert.Equal(token, (await client.LookupEventsAsync(new LookupEventsRequest())).NextToken);
        }

        using var limited = Client(new StubHandler((_, _) => Unsized(body)), maxBody: 100_000);
        var error = await Assert.ThrowsAsync<AwsResponseTooLargeException>(() => limited.LookupEventsAsync(new LookupEventsRequest()));
        Assert.Null(error.DeclaredLength);
        Assert.Contains("longer than the limit, above the limit of 100000 bytes", error.Message);
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_accepted()
    {
        const string body = "{\"NextToken\":\"n\"}";
        using var sized = Client(StubHandler.Always(HttpStatusCode.OK, body), maxBody: body.Length);
        using var unsized = Client(new StubHandler((_, _) => Unsized(body)), maxBody: body.Length);
        Assert.Equal("n", (await sized.LookupEventsAsync(new LookupEventsRequest())).NextToken);
        Assert.Equal("n", (await unsized.LookupEventsAsync(new LookupEventsRequest())).NextToken);
    }

    [Theory]
    [InlineData("{\"NextToken\":5}")]
    [InlineData("{\"NextToken\":\"n\"} x")]
    [InlineData("{\"NextToken\" 5}")]
    public async Task An_unreadable_body_reports_its_offset_once(string body)
    {
        using var client = Client(StubHandler.Always(HttpStatusCode.OK, body));

        var error = await Assert.ThrowsAsync<AwsJsonException>(() => client.LookupEventsAsync(new LookupEventsRequest()));

        Assert.StartsWith("LookupEvents answered with a body this client cannot read: ", error.Message);
        Assert.Single(error.Message.Split("(at byte ").Skip(1));
        Assert.DoesNotContain("LineNumber", error.Message);
        Assert.True(error.ByteOffset > 0, error.Message);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void A_limit_that_is_not_positive_is_refused(long limit)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Client(StubHandler.Always(HttpStatusCode.OK, "{}"), maxBody: limit));
        Assert.Equal("MaxResponseBodySize", error.ParamName);
    }

    private CloudTrailClient Client(StubHandler stub, long maxBody = AwsClientOptions.DefaultMaxResponseBodySize, int attempts = 1) =>
        new(new HttpClient(stub), new AwsClientOptions
        {
            Region = "us-east-1",
            Credentials = new AwsCredentials("AKID", "SECRET"),
            Endpoint = "https://cloudtrail.example",
            Environment = _environment,
            TimeProvider = new ManualTimeProvider(TestClients.Now),
            Retry = new AwsRetryOptions { MaxAttempts = attempts, BaseDelay = TimeSpan.Zero },
            Pacing = AwsPacing.Off,
            MaxResponseBodySize = maxBody,
        });

    private static HttpResponseMessage Unsized(string body) => new(HttpStatusCode.OK) { Content = new UnsizedContent(Encoding.UTF8.GetBytes(body)) };

    /// <summary>Content with no Content-Length (as a chunked answer arrives), read as a stream that cannot seek.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new ForwardOnlyStream(bytes));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            // Short reads, as a network stream gives them.
            var n = Math.Min(Math.Min(count, 7000), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
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
