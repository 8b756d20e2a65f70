using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Server;
using CloudTrailSdk.Server;

namespace CloudTrailSdk.Sdk.Tests;

[Trait("Category", "Unit")]
public sealed class ServerDispatchTests
{
    /// <summary>A server that knows GetTrail and LookupEvents, and nothing else.</summary>
    private sealed class TestServer : CloudTrailServiceBase
    {
        public List<(GetTrailRequest Request, AwsServerContext Context)> GetTrailCalls { get; } = new();

        public List<LookupEventsRequest> LookupCalls { get; } = new();

        protected override Task<GetTrailResponse> GetTrailAsync(GetTrailRequest request, AwsServerContext context, CancellationToken cancellationToken)
        {
            GetTrailCalls.Add((request, context));
            if (request.Name == "missing")
            {
                throw new TrailNotFoundException("Trail missing not found", requestId: context.RequestId);
            }

            return Task.FromResult(new GetTrailResponse
            {
                Trail = new Trail { Name = request.Name, S3BucketName = "bucket", IsMultiRegionTrail = true, HomeRegion = "us-east-1" },
            });
        }

        protected override Task<LookupEventsResponse> LookupEventsAsync(LookupEventsRequest request, AwsServerContext context, CancellationToken cancellationToken)
        {
            LookupCalls.Add(request);
            return Task.FromResult(new LookupEventsResponse { Events = [] });
        }
    }

    private static ReadOnlyMemory<byte> Body(string json) => Encoding.UTF8.GetBytes(json);

    private static JsonElement Parse(AwsServerResult result) => JsonDocument.Parse(result.Body).RootElement.Clone();

    private static string Type(AwsServerResult result) => Parse(result).GetProperty("__type").GetString()!;

    [Fact]
    public async Task GetTrail_is_dispatched_to_the_override_and_answered_as_JSON()
    {
        var server = new TestServer();
        var context = new AwsServerContext("GetTrail", "req-1");

        var result = await server.DispatchAsync("GetTrail", Body("""{"Name":"my-trail"}"""), context);

        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.ErrorCode);
        var trail = Parse(result).GetProperty("Trail");
        Assert.Equal("my-trail", trail.GetProperty("Name").GetString());
        Assert.Equal("bucket", trail.GetProperty("S3BucketName").GetString());
        Assert.True(trail.GetProperty("IsMultiRegionTrail").GetBoolean());
        var call = Assert.Single(server.GetTrailCalls);
        Assert.Equal("my-trail", call.Request.Name);
        Assert.Same(context, call.Context);
    }

    [Fact]
    public async Task An_unknown_operation_is_UnknownOperationException()
    {
        var result = await new TestServer().DispatchAsync("Nope", Body("{}"), new AwsServerContext("Nope", "req-2"));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("UnknownOperationException", result.ErrorCode);
        Assert.Contains("UnknownOperationException", Type(result));
        Assert.Contains("Nope", Parse(result).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{\"Name\":")]
    [InlineData("not json")]
    [InlineData("{\"Name\":42}")]
    [InlineData("[]")]
    [InlineData("{\"Name\":\"t-1\"} {}")]
    public async Task Malformed_JSON_is_SerializationException(string body)
    {
        var server = new TestServer();

        var result = await server.DispatchAsync("GetTrail", Body(body), new AwsServerContext("GetTrail", "req-3"));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("SerializationException", result.ErrorCode);
        Assert.Contains("SerializationException", Type(result));
        Assert.Empty(server.GetTrailCalls);
    }

    [Fact]
    public async Task An_invalid_trail_name_is_rejected_before_the_handler()
    {
        var server = new TestServer();

        var result = await server.DispatchAsync("GetTrail", Body("""{"Name":"my--trail"}"""), new AwsServerContext("GetTrail", "req-4"));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("InvalidTrailNameException", result.ErrorCode);
        Assert.Contains("InvalidTrailNameException", Type(result));
        Assert.Contains("Name", Parse(result).GetProperty("message").GetString());
        Assert.Empty(server.GetTrailCalls);
    }

    [Fact]
    public async Task A_missing_required_member_is_rejected()
    {
        var server = new TestServer();

        var result = await server.DispatchAsync("GetTrail", Body("{}"), new AwsServerContext("GetTrail", "req-5"));

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("Name", Parse(result).GetProperty("message").GetString());
        Assert.Empty(server.GetTrailCalls);
    }

    [Fact]
    public async Task An_operation_not_overridden_is_UnsupportedOperationException_naming_it()
    {
        var result = await new TestServer().DispatchAsync("StartLogging", Body("""{"Name":"my-trail"}"""), new AwsServerContext("StartLogging", "req-6"));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("UnsupportedOperationException", result.ErrorCode);
        Assert.Contains("UnsupportedOperationException", Type(result));
        Assert.Contains("StartLogging", Parse(result).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_service_exception_from_the_handler_is_its_error_response()
    {
        var result = await new TestServer().DispatchAsync("GetTrail", Body("""{"Name":"missing"}"""), new AwsServerContext("GetTrail", "req-7"));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("TrailNotFoundException", result.ErrorCode);
        Assert.Contains("TrailNotFoundException", Type(result));
        Assert.Equal("Trail missing not found", Parse(result).GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_server_rejects_unknown_enum_values()
    {
        var server = new TestServer();

        var bogus = await server.DispatchAsync("LookupEvents", Body("""{"EventCategory":"bogus"}"""), new AwsServerContext("LookupEvents", "req-8"));
        var known = await server.DispatchAsync("LookupEvents", Body("""{"EventCategory":"insight"}"""), new AwsServerContext("LookupEvents", "req-9"));

        Assert.Equal(400, bogus.StatusCode);
        Assert.Equal("InvalidEventCategoryException", bogus.ErrorCode);
        Assert.Equal(200, known.StatusCode);
        Assert.Equal(EventCategory.Insight, Assert.Single(server.LookupCalls).EventCategory);
    }

    [Fact]
    public async Task The_client_round_trips_an_error_body_written_by_the_server()
    {
        var result = await new TestServer().DispatchAsync("GetTrail", Body("""{"Name":"missing"}"""), new AwsServerContext("GetTrail", "req-10"));

        var parsed = Runtime.AwsErrorParser.Parse(result.StatusCode, "req-10", null, result.Body);
        var error = CloudTrailException.FromError(parsed);

        Assert.IsType<TrailNotFoundException>(error);
        Assert.Equal("Trail missing not found", error.Message);
    }

    [Fact]
    public void Every_operation_is_listed()
    {
        Assert.Contains("GetTrail", CloudTrailServiceBase.Operations);
        Assert.Contains("LookupEvents", CloudTrailServiceBase.Operations);
        Assert.Equal("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", CloudTrailServiceBase.TargetPrefix);
    }

    [Fact]
    public void The_models_rate_limit_is_exposed_to_hosts_for_the_operation_it_names()
    {
        IAwsJsonService service = new TestServer();

        Assert.Equal(2.0, service.RateLimitOf("LookupEvents"));
        Assert.Equal(0.0, service.RateLimitOf("GetTrail"));
        Assert.Equal(CloudTrailServiceBase.TargetPrefix, service.TargetPrefix);
        Assert.Equal("1.1", service.JsonVersion);
    }
}
