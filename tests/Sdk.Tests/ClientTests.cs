using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Serialization;
using CloudTrailSdk.Runtime.Validation;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Sdk.Tests;

[Trait("Category", "Unit")]
public sealed class ClientTests : IDisposable
{
    private readonly FakeEnvironment _environment = FakeEnvironment.WithPrivateHome();

    public void Dispose() => _environment.Dispose();

    private static StubHandler Ok(string body = "{}") => StubHandler.Always(HttpStatusCode.OK, body);

    [Fact]
    public async Task LookupEvents_sends_a_signed_awsJson_POST()
    {
        var stub = Ok("""{"Events":[{"EventId":"e-1","EventTime":1700000000.5}],"NextToken":"n"}""");
        using var client = TestClients.Create(stub, _environment);

        var response = await client.LookupEventsAsync(new LookupEventsRequest
        {
            LookupAttributes = [new LookupAttribute { AttributeKey = LookupAttributeKey.EventName, AttributeValue = "ConsoleLogin" }],
            StartTime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            MaxResults = 10,
        });

        var sent = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://cloudtrail.example/", sent.Uri!.ToString());
        Assert.Equal("/", sent.Uri.AbsolutePath);
        Assert.Equal("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents", sent.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", sent.Header("Content-Type"));
        Assert.Matches(
            new Regex(@"^AWS4-HMAC-SHA256 Credential=AKID/20240102/us-east-1/cloudtrail/aws4_request, SignedHeaders=[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}$"),
            sent.Header("Authorization"));
        Assert.Contains("x-amz-target", sent.Header("Authorization"));
        Assert.Equal("20240102T030405Z", sent.Header("X-Amz-Date"));

        var body = sent.Json;
        Assert.Equal("EventName", body.GetProperty("LookupAttributes")[0].GetProperty("AttributeKey").GetString());
        Assert.Equal("ConsoleLogin", body.GetProperty("LookupAttributes")[0].GetProperty("AttributeValue").GetString());
        Assert.Equal(1_700_000_000, body.GetProperty("StartTime").GetInt64());
        Assert.Equal(10, body.GetProperty("MaxResults").GetInt32());
        Assert.False(body.TryGetProperty("NextToken", out _));

        Assert.Equal("e-1", Assert.Single(response.Events!).EventId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), response.Events![0].EventTime);
        Assert.Equal("n", response.NextToken);
    }

    [Fact]
    public async Task The_X_Amz_Target_names_each_operation()
    {
        var stub = Ok("""{"trailList":[{"Name":"t"}]}""");
        using var client = TestClients.Create(stub, _environment);

        var response = await client.DescribeTrailsAsync(new DescribeTrailsRequest { TrailNameList = ["trail-1"] });

        Assert.Equal("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails", Assert.Single(stub.Requests).Header("X-Amz-Target"));
        Assert.Equal("""{"trailNameList":["trail-1"]}""", stub.Requests[0].Body);
        Assert.Equal("t", Assert.Single(response.TrailList!).Name);
    }

    [Fact]
    public async Task An_empty_success_body_reads_as_an_empty_response()
    {
        var stub = Ok(string.Empty);
        using var client = TestClients.Create(stub, _environment);

        var response = await client.LookupEventsAsync(new LookupEventsRequest());

        Assert.Null(response.Events);
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task A_success_body_of_the_wrong_shape_is_an_AwsJsonException_naming_the_member()
    {
        var stub = Ok("""{"NextToken":7}""");
        using var client = TestClients.Create(stub, _environment);

        var error = await Assert.ThrowsAsync<AwsJsonException>(() => client.LookupEventsAsync(new LookupEventsRequest()));

        Assert.Contains("LookupEvents", error.Message);
        Assert.Contains("NextToken", error.Message);
    }

    [Theory]
    [InlineData("message")]
    [InlineData("Message")]
    public async Task A_modelled_error_becomes_its_typed_exception(string messageMember)
    {
        var stub = StubHandler.Always(HttpStatusCode.BadRequest,
            "{\"__type\":\"com.amazonaws.cloudtrail#TrailNotFoundException:http://x\",\"" + messageMember + "\":\"nope\"}",
            ("x-amzn-RequestId", "r-1"));
        using var client = TestClients.Create(stub, _environment);

        var error = await Assert.ThrowsAsync<TrailNotFoundException>(() => client.GetTrailAsync(new GetTrailRequest { Name = "t-1" }));

        Assert.Equal("TrailNotFoundException", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("r-1", error.RequestId);
        Assert.Equal("nope", error.Message);
        Assert.IsAssignableFrom<CloudTrailException>(error);
    }

    [Fact]
    public async Task An_unknown_error_code_becomes_the_base_exception()
    {
        var stub = StubHandler.Always(HttpStatusCode.BadRequest, """{"__type":"BrandNewException","message":"huh"}""", ("x-amzn-RequestId", "r-2"));
        using var client = TestClients.Create(stub, _environment);

        var error = await Assert.ThrowsAsync<CloudTrailException>(() => client.GetTrailAsync(new GetTrailRequest { Name = "t-1" }));

        Assert.Equal(typeof(CloudTrailException), error.GetType());
        Assert.Equal("BrandNewException", error.ErrorCode);
        Assert.Equal("huh", error.Message);
        Assert.Equal("r-2", error.RequestId);
    }

    [Fact]
    public async Task A_non_JSON_500_is_a_CloudTrailException_with_its_status()
    {
        var stub = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("<html>bad gateway</html>") });
        using var client = TestClients.Create(stub, _environment);

        var error = await Assert.ThrowsAsync<CloudTrailException>(() => client.GetTrailAsync(new GetTrailRequest { Name = "t-1" }));

        Assert.Equal(typeof(CloudTrailException), error.GetType());
        Assert.Equal(500, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.ErrorCode));
    }

    [Fact]
    public async Task The_error_type_header_is_used_when_the_body_has_no_code()
    {
        var stub = StubHandler.Always(HttpStatusCode.BadRequest, """{"message":"slow down"}""", ("X-Amzn-ErrorType", "ThrottlingException:http://internal"));
        using var client = TestClients.Create(stub, _environment);

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => client.GetTrailAsync(new GetTrailRequest { Name = "t-1" }));

        Assert.Equal("slow down", error.Message);
    }

    [Fact]
    public void FromError_maps_codes_to_types()
    {
        var typed = CloudTrailException.FromError(new Runtime.AwsErrorResponse("InvalidTrailNameException", "bad", 400, "r", ReadOnlyMemory<byte>.Empty));
        var unknown = CloudTrailException.FromError(new Runtime.AwsErrorResponse("Whatever", "w", 409, null, ReadOnlyMemory<byte>.Empty));

        Assert.IsType<InvalidTrailNameException>(typed);
        Assert.Equal("r", typed.RequestId);
        Assert.Equal(typeof(CloudTrailException), unknown.GetType());
        Assert.Equal(409, unknown.StatusCode);
    }

    [Fact]
    public async Task Client_side_validation_lists_every_issue_and_sends_nothing()
    {
        var stub = Ok();
        using var client = TestClients.Create(stub, _environment);
        var request = new LookupEventsRequest
        {
            LookupAttributes =
            [
                new LookupAttribute { AttributeKey = LookupAttributeKey.EventName, AttributeValue = new string(',', 1001) },
                new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = "u" },
            ],
            MaxResults = 51,
            StartTime = DateTimeOffset.UnixEpoch.AddDays(2),
            EndTime = DateTimeOffset.UnixEpoch,
        };

        var error = await Assert.ThrowsAsync<AwsValidationException>(() => client.LookupEventsAsync(request));

        Assert.Equal("LookupEvents", error.Operation);
        Assert.Equal(
            new[] { "LookupAttributes", "LookupAttributes[0].AttributeValue", "MaxResults", "StartTime" },
            error.Issues.Select(i => i.Path).Order());
        foreach (var path in new[] { "LookupAttributes[0].AttributeValue", "MaxResults", "StartTime" })
        {
            Assert.Contains(path, error.Message);
        }

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task With_validation_off_an_invalid_request_is_sent()
    {
        var stub = Ok();
        using var client = TestClients.Create(stub, _environment, validate: false);

        await client.LookupEventsAsync(new LookupEventsRequest { MaxResults = 51 });

        Assert.Equal(51, Assert.Single(stub.Requests).Json.GetProperty("MaxResults").GetInt32());
    }

    [Fact]
    public async Task The_client_sends_enum_values_it_does_not_know()
    {
        var stub = Ok();
        using var client = TestClients.Create(stub, _environment);

        await client.LookupEventsAsync(new LookupEventsRequest { EventCategory = new EventCategory("future") });

        Assert.Equal("future", Assert.Single(stub.Requests).Json.GetProperty("EventCategory").GetString());
    }

    [Fact]
    public async Task A_null_request_is_rejected_without_sending()
    {
        var stub = Ok();
        using var client = TestClients.Create(stub, _environment);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.LookupEventsAsync(null!));

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void The_configured_endpoint_is_used()
    {
        using var client = TestClients.Create(Ok(), _environment);

        Assert.Equal(new Uri("https://cloudtrail.example"), client.Endpoint);
    }
}
