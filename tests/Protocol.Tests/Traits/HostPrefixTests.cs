using System.Threading.Tasks;
using CloudTrailSdk.Protocol.Tests.Harness;
using CloudTrailSdk.Runtime.Validation;

namespace CloudTrailSdk.Protocol.Tests.Traits;

/// <summary>endpoint.hostPrefix with labels from hostLabel members: expanded, checked as one DNS label, and switchable off.</summary>
[Trait("Category", "Unit")]
public sealed class HostPrefixTests
{
    [Fact]
    public async Task Label_IsExpandedIntoTheHost()
    {
        var handler = new RecordingHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Describe", "AccountId", "123456789012"));
        Assert.Equal("data.123456789012.traits.example.com", handler.Request!.RequestUri!.Host);
    }

    [Fact]
    public async Task FixedPrefix_OnAnOperationWithoutInput()
    {
        var handler = new RecordingHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Ping", null, null));
        Assert.Equal("ping.traits.example.com", handler.Request!.RequestUri!.Host);
    }

    [Theory]
    [InlineData(null, "must be set")]
    [InlineData("", "must be set")]
    [InlineData("evil.com/x", "contains '.'")]
    [InlineData("a b", "contains ' '")]
    [InlineData("-abc", "hyphen")]
    [InlineData("abc-", "hyphen")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234", "64 characters")]
    public async Task BadLabel_FailsNamingTheMember_AndNothingIsSent(string? value, string reason)
    {
        var handler = new RecordingHandler();
        // Validation off: the label is checked all the same, since it decides where the request (and its signature) goes.
        var error = Assert.IsType<AwsValidationException>(await TraitsSdk.CallAsync(handler, "Describe", "AccountId", value, o => o.ValidateRequests = false));
        Assert.Equal("AccountId", error.ParamName);
        var issue = Assert.Single(error.Issues);
        Assert.Equal("hostLabel", issue.Rule);
        Assert.Contains(reason, issue.Message, System.StringComparison.Ordinal);
        Assert.Null(handler.Request);
    }

    [Fact]
    public async Task BadLabel_WithValidationOn_IsReportedWithTheModelsOwnChecks()
    {
        var handler = new RecordingHandler();
        var missing = Assert.IsType<AwsValidationException>(await TraitsSdk.CallAsync(handler, "Describe", "AccountId", null));
        Assert.Equal("required", Assert.Single(missing.Issues).Rule);
        var invalid = Assert.IsType<AwsValidationException>(await TraitsSdk.CallAsync(handler, "Describe", "AccountId", "x/y"));
        Assert.Equal(("AccountId", "hostLabel"), (Assert.Single(invalid.Issues).Path, invalid.Issues[0].Rule));
        Assert.Null(handler.Request);
    }

    [Fact]
    public async Task DisableHostPrefixInjection_SendsToTheEndpointAsItIs()
    {
        var handler = new RecordingHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Describe", "AccountId", "123456789012", o => o.DisableHostPrefixInjection = true));
        Assert.Equal("traits.example.com", handler.Request!.RequestUri!.Host);
    }

    [Fact]
    public async Task IpEndpoint_GetsNoPrefix()
    {
        var handler = new RecordingHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Describe", "AccountId", "123456789012", endpoint: "http://127.0.0.1:4566"));
        Assert.Equal("127.0.0.1", handler.Request!.RequestUri!.Host);
    }
}
