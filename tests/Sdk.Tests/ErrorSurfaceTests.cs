using System;
using System.Net;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Validation;

namespace CloudTrailSdk.Sdk.Tests;

/// <summary>What a caller sees of validation and service errors: ParamName, messages that name a member once, the service.</summary>
[Trait("Category", "Unit")]
public sealed class ErrorSurfaceTests : IDisposable
{
    private readonly FakeEnvironment _environment = FakeEnvironment.WithPrivateHome();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public async Task A_validation_error_fills_ParamName_and_names_each_member_once()
    {
        using var client = TestClients.Create(StubHandler.Always(HttpStatusCode.OK, "{}"), _environment);
        var request = new LookupEventsRequest
        {
            StartTime = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero),
            EndTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };

        var error = await Assert.ThrowsAsync<AwsValidationException>(() => client.LookupEventsAsync(request));

        Assert.Equal("StartTime", error.ParamName);
        Assert.Equal("LookupEvents request is invalid (1 issue)\n  - StartTime 2024-01-02T00:00:00Z is after EndTime 2024-01-01T00:00:00Z", error.Message);
    }

    [Fact]
    public async Task Other_issues_keep_the_path_before_the_message_and_ParamName_is_the_first_path()
    {
        using var client = TestClients.Create(StubHandler.Always(HttpStatusCode.OK, "{}"), _environment);
        var request = new LookupEventsRequest { MaxResults = 51 };

        var error = await Assert.ThrowsAsync<AwsValidationException>(() => client.LookupEventsAsync(request));

        Assert.Equal("MaxResults", error.ParamName);
        Assert.StartsWith("LookupEvents request is invalid (1 issue)\n  - MaxResults: ", error.Message);
        Assert.DoesNotContain("(Parameter", error.Message);
    }

    [Fact]
    public async Task A_service_error_names_its_service_on_the_instance()
    {
        var stub = StubHandler.Always(HttpStatusCode.BadRequest, """{"__type":"TrailNotFoundException","message":"no"}""", ("x-amzn-RequestId", "r-1"));
        using var client = TestClients.Create(stub, _environment);

        CloudTrailException error = await Assert.ThrowsAsync<TrailNotFoundException>(() => client.GetTrailAsync(new GetTrailRequest { Name = "missing-trail" }));

        Assert.Equal("CloudTrail", error.Service.ServiceId);
        Assert.Same(CloudTrailException.ServiceDescription, error.Service);
    }
}
