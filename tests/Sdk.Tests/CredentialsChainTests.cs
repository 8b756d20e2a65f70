using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Runtime.Pacing;
using CloudTrailSdk.Runtime.Retry;
using CloudTrailSdk.Runtime.Tests.Auth;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Sdk.Tests;

/// <summary>The client as an app uses it: credentials from the default chain, refreshed on the clock, one per attempt.</summary>
[Trait("Category", "Integration")]
public sealed class CredentialsChainTests
{
    [Fact]
    public async Task The_client_signs_with_container_credentials_and_with_fresh_ones_after_the_refresh_point()
    {
        var served = 0;
        var clock = new ManualTimeProvider(TestClients.Now);
        await using var container = LocalStandIn.Start(_ =>
        {
            var n = ++served;
            var expires = clock.GetUtcNow().AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            return new StandInResponse(200, $"{{\"AccessKeyId\":\"CONTAINER{n}\",\"SecretAccessKey\":\"secret{n}\",\"Token\":\"token{n}\",\"Expiration\":\"{expires}\"}}");
        });
        using var home = FakeEnvironment.WithPrivateHome();
        var environment = new VariablesEnvironment(home.HomeDirectory!) { ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = container.Endpoint + "creds" };
        var stub = StubHandler.Always(HttpStatusCode.OK, "{\"trailList\":[]}");
        using var client = new CloudTrailClient(new HttpClient(stub), new AwsClientOptions
        {
            Region = "us-east-1",
            Endpoint = "https://cloudtrail.example",
            Environment = environment,
            TimeProvider = clock,
            Retry = new AwsRetryOptions { MaxAttempts = 1 },
            Pacing = AwsPacing.Off,
        });

        await client.DescribeTrailsAsync(new DescribeTrailsRequest());
        clock.Advance(TimeSpan.FromMinutes(50));
        await client.DescribeTrailsAsync(new DescribeTrailsRequest());
        clock.Advance(TimeSpan.FromMinutes(6));
        await client.DescribeTrailsAsync(new DescribeTrailsRequest());

        Assert.Equal(2, served);
        Assert.Contains("Credential=CONTAINER1/", stub.Requests[0].Header("Authorization"));
        Assert.Contains("Credential=CONTAINER1/", stub.Requests[1].Header("Authorization"));
        Assert.Contains("Credential=CONTAINER2/", stub.Requests[2].Header("Authorization"));
        Assert.Equal("token2", stub.Requests[2].Header("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task A_provider_of_the_users_own_wins_and_its_failure_reaches_the_caller_unretried()
    {
        var stub = StubHandler.Always(HttpStatusCode.OK, "{}");
        using var home = FakeEnvironment.WithPrivateHome();
        using var client = new CloudTrailClient(new HttpClient(stub), new AwsClientOptions
        {
            Region = "us-east-1",
            Endpoint = "https://cloudtrail.example",
            Environment = home,
            Credentials = new AwsCredentials("IGNORED", "x"),
            CredentialsProvider = new FailingProvider(),
            Pacing = AwsPacing.Off,
        });

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => client.DescribeTrailsAsync(new DescribeTrailsRequest()));
        Assert.Equal("vault", error.CredentialSource);
        Assert.Empty(stub.Requests);
    }

    private sealed class FailingProvider : IAwsCredentialsProvider
    {
        public ValueTask<AwsCredentials> GetCredentialsAsync(System.Threading.CancellationToken cancellationToken = default) =>
            throw new AwsCredentialsException("vault", "sealed");
    }

    private sealed class VariablesEnvironment(string home) : Dictionary<string, string>, IEnvironment
    {
        public string? HomeDirectory => home;

        public string? GetVariable(string name) => TryGetValue(name, out var value) ? value : null;
    }
}
