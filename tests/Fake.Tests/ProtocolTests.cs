using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tests.Support;
using CloudTrailSdk.Server;

namespace CloudTrailSdk.Fake.Tests;

/// <summary>The awsJson 1.1 envelope over real HTTP: what AWS answers, byte for byte where clients look.</summary>
[Trait("Category", "Unit")]
public sealed class ProtocolTests : IAsyncLifetime
{
    private FakeCloudTrailHost _host = null!;

    public async Task InitializeAsync() => _host = await FakeCloudTrailHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_success_is_200_awsJson_with_a_request_id()
    {
        var answer = await RawCall.PostAsync(_host.Endpoint, RawCall.Target("ListTrails"), "{}");

        Assert.Equal(200, answer.Status);
        Assert.Equal("application/x-amz-json-1.1", answer.ContentType);
        Assert.True(Guid.TryParse(answer.RequestId, out _), "x-amzn-RequestId: " + answer.RequestId);
    }

    [Fact]
    public async Task An_error_is_400_awsJson_with_type_message_and_request_id()
    {
        var answer = await RawCall.PostAsync(_host.Endpoint, RawCall.Target("GetTrail"), """{"Name":"no-such-trail"}""");

        Assert.Equal(400, answer.Status);
        Assert.Equal("application/x-amz-json-1.1", answer.ContentType);
        Assert.True(Guid.TryParse(answer.RequestId, out _), "x-amzn-RequestId: " + answer.RequestId);
        Assert.Equal(new[] { "__type", "message" }, answer.Json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("TrailNotFoundException", answer.ErrorType);
        Assert.Contains("no-such-trail", answer.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_answer_has_its_own_request_id()
    {
        var first = await RawCall.PostAsync(_host.Endpoint, RawCall.Target("ListTrails"), "{}");
        var second = await RawCall.PostAsync(_host.Endpoint, RawCall.Target("ListTrails"), "{}");

        Assert.NotEqual(first.RequestId, second.RequestId);
    }

    [Fact]
    public async Task The_short_target_of_Smithy_SDKs_is_accepted_too()
    {
        // JavaScript v3 sends "<service shape>.<operation>", without the model's namespace.
        var shortPrefix = CloudTrailServiceBase.TargetPrefix[(CloudTrailServiceBase.TargetPrefix.LastIndexOf('.') + 1)..];

        var answer = await RawCall.PostAsync(_host.Endpoint, shortPrefix + ".ListTrails", "{}");

        Assert.Equal(200, answer.Status);
    }

    [Theory]
    [InlineData("NoSuchOperation")]
    [InlineData("")]
    public async Task An_unknown_operation_is_UnknownOperationException(string operation)
    {
        var answer = await RawCall.PostAsync(_host.Endpoint, RawCall.Target(operation), "{}");

        Assert.Equal(400, answer.Status);
        Assert.Equal("UnknownOperationException", answer.ErrorType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("com.amazonaws.s3.Whatever.ListBuckets")]
    public async Task A_missing_or_foreign_target_is_UnknownOperationException(string? target)
    {
        var answer = await RawCall.PostAsync(_host.Endpoint, target, "{}");

        Assert.Equal(400, answer.Status);
        Assert.Equal("UnknownOperationException", answer.ErrorType);
    }

    [Fact]
    public async Task A_GET_is_a_400_not_a_404()
    {
        var answer = await RawCall.SendAsync(_host.Endpoint, HttpMethod.Get, RawCall.Target("ListTrails"), null);

        Assert.Equal(400, answer.Status);
        Assert.Equal("UnknownOperationException", answer.ErrorType);
    }

    [Theory]
    [InlineData("{\"Name\":")]
    [InlineData("not json")]
    [InlineData("{\"Name\":\"trail-a\"} trailing")]
    [InlineData("[]")]
    public async Task Malformed_JSON_is_SerializationException(string body)
    {
        var answer = await RawCall.PostAsync(_host.Endpoint, RawCall.Target("GetTrail"), body);

        Assert.Equal(400, answer.Status);
        Assert.Equal("SerializationException", answer.ErrorType);
    }

    [Fact]
    public async Task Bad_input_to_any_operation_is_never_a_5xx()
    {
        var bodies = new List<byte[]>
        {
            Encoding.UTF8.GetBytes("{"),
            Encoding.UTF8.GetBytes("null"),
            Encoding.UTF8.GetBytes("\"text\""),
            Encoding.UTF8.GetBytes("12"),
            Encoding.UTF8.GetBytes("{\"Name\":5,\"TrailName\":[],\"ResourceId\":{}}"),
            Encoding.UTF8.GetBytes("{\"StartTime\":\"yesterday\",\"EndTime\":1e400,\"MaxResults\":-1}"),
            Encoding.UTF8.GetBytes("{\"MaxResults\":99999999999999999999,\"NextToken\":\"%%%\"}"),
            Encoding.UTF8.GetBytes("{\"trailNameList\":[null],\"LookupAttributes\":[{}],\"TagsList\":[{\"Value\":\"v\"}]}"),
            Encoding.UTF8.GetBytes("{\"EventSelectors\":[{\"ReadWriteType\":\"Sometimes\"}],\"InsightSelectors\":[{\"InsightType\":7}]}"),
            Encoding.UTF8.GetBytes(new string('[', 10_000)),
            new byte[] { 0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D },
        };

        var failures = new List<string>();
        foreach (var operation in CloudTrailServiceBase.Operations)
        {
            foreach (var body in bodies)
            {
                var answer = await RawCall.SendAsync(_host.Endpoint, HttpMethod.Post, RawCall.Target(operation), new ByteArrayContent(body));
                if (answer.Status >= 500 || answer.ContentType != "application/x-amz-json-1.1")
                {
                    failures.Add(operation + " " + Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 60)] + " -> " + answer.Status + " " + answer.Body);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
