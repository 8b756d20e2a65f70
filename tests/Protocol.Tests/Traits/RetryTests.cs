using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Protocol.Tests.Traits;

/// <summary>A retried call sends what the first attempt sent: the same compressed bytes, to the same prefixed host.</summary>
[Trait("Category", "Unit")]
public sealed class RetryTests
{
    [Fact]
    public async Task Retry_ResendsTheSameCompressedBody()
    {
        var handler = new FailOnceHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Put", "Payload", new string('y', 20000), o => o.Retry = new CloudTrailSdk.AwsRetryOptions { MaxAttempts = 2 }));
        Assert.Equal(2, handler.Bodies.Count);
        Assert.Equal(handler.Bodies[0], handler.Bodies[1]);
        Assert.All(handler.Encodings, e => Assert.Equal("gzip", e));
        Assert.Equal(new string('y', 20000), System.Text.Json.Nodes.JsonNode.Parse(TraitsSdk.Gunzip(handler.Bodies[1]))!["Payload"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retry_GoesToTheSamePrefixedHost()
    {
        var handler = new FailOnceHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Describe", "AccountId", "acct-1", o => o.Retry = new CloudTrailSdk.AwsRetryOptions { MaxAttempts = 2 }));
        Assert.Equal(new[] { "data.acct-1.traits.example.com", "data.acct-1.traits.example.com" }, handler.Hosts);
    }

    /// <summary>Answers the first request with a retryable 500 and every later one with 200 {}.</summary>
    private sealed class FailOnceHandler : HttpMessageHandler
    {
        public List<byte[]> Bodies { get; } = new();

        public List<string> Hosts { get; } = new();

        public List<string> Encodings { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsByteArrayAsync(cancellationToken));
            Hosts.Add(request.RequestUri!.Host);
            Encodings.AddRange(request.Content.Headers.ContentEncoding);
            var status = Bodies.Count == 1 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK;
            var body = Bodies.Count == 1 ? "{\"__type\":\"InternalFailure\",\"message\":\"try again\"}" : "{}";
            return new HttpResponseMessage(status) { Content = new StringContent(body) };
        }
    }
}
