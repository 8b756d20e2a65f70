using System;
using System.Net;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Serialization;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Sdk.Tests;

/// <summary>How strictly success and error bodies are read.</summary>
[Trait("Category", "Unit")]
public sealed class ResponseReadingTests : IDisposable
{
    private readonly FakeEnvironment _environment = FakeEnvironment.WithPrivateHome();

    public void Dispose() => _environment.Dispose();

    [Theory]
    [InlineData("""{"NextToken":"n"}{"NextToken":"m"}""")]
    [InlineData("""{"NextToken":"n"} x""")]
    [InlineData("""{"NextToken":"n"}]""")]
    public async Task Content_after_the_response_object_is_rejected(string body)
    {
        using var client = TestClients.Create(StubHandler.Always(HttpStatusCode.OK, body), _environment);

        var error = await Assert.ThrowsAsync<AwsJsonException>(() => client.LookupEventsAsync(new LookupEventsRequest()));

        Assert.Contains("LookupEvents", error.Message);
    }

    [Fact]
    public async Task Whitespace_after_the_response_object_is_fine()
    {
        using var client = TestClients.Create(StubHandler.Always(HttpStatusCode.OK, "{\"NextToken\":\"n\"}  \r\n\t"), _environment);

        var response = await client.LookupEventsAsync(new LookupEventsRequest());

        Assert.Equal("n", response.NextToken);
    }

    [Fact]
    public async Task A_truncated_response_is_rejected()
    {
        using var client = TestClients.Create(StubHandler.Always(HttpStatusCode.OK, """{"NextToken":"n","Events":[{"EventId":"e"""), _environment);

        await Assert.ThrowsAsync<AwsJsonException>(() => client.LookupEventsAsync(new LookupEventsRequest()));
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, """{"__type":"AccessDeniedException","Message":"no"}""", "AccessDeniedException")]
    [InlineData(HttpStatusCode.TooManyRequests, "", "UnknownError")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "", "InternalFailure")]
    [InlineData(HttpStatusCode.BadRequest, """{"__type":"aws.protocoltests#InvalidNextTokenException:http://internal"}""", "InvalidNextTokenException")]
    public async Task Error_statuses_and_bodies_become_exceptions_with_code_and_status(HttpStatusCode status, string body, string code)
    {
        using var client = TestClients.Create(StubHandler.Always(status, body, ("x-amzn-RequestId", "r-9")), _environment);

        var error = await Assert.ThrowsAnyAsync<CloudTrailException>(() => client.LookupEventsAsync(new LookupEventsRequest()));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal("r-9", error.RequestId);
    }
}
