using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace CloudTrailSdk.Sdk.Tests.CredentialsBridge;

/// <summary>The AWS SDK bridge: any AWSCredentials, refreshed by the AWS SDK's own logic, signs our calls. No network.</summary>
[Trait("Category", "Unit")]
public sealed class AwsSdkCredentialsProviderTests
{
    private static readonly DateTime Expiry = new(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public async Task Bridge_returns_what_the_AWS_SDK_holds_and_follows_its_refresh()
    {
        var aws = new RotatingCredentials(Expiry);
        var bridge = new AwsSdkCredentialsProvider(aws);

        var first = await bridge.GetCredentialsAsync();
        Assert.Equal(("ROTATE1", "secret-1", "token-1"), (first.AccessKeyId, first.SecretAccessKey, first.SessionToken));
        // The AWS SDK reports its expiry a little early (its own pre-emption); the bridge passes on what it reports, as UTC.
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(aws.Expiration!.Value, DateTimeKind.Utc)), first.Expiration);
        Assert.InRange(first.Expiration!.Value, new DateTimeOffset(Expiry).AddMinutes(-5), new DateTimeOffset(Expiry));
        Assert.Equal("ROTATE1", (await bridge.GetCredentialsAsync()).AccessKeyId); // the AWS SDK's cache answers
        Assert.Equal(1, aws.Generated);

        aws.ClearCredentials(); // the AWS SDK decides to refresh (expiry, or its own reasons)
        var second = await bridge.GetCredentialsAsync();
        Assert.Equal(("ROTATE2", "token-2"), (second.AccessKeyId, second.SessionToken));
        Assert.Equal(2, aws.Generated);
    }

    [Fact]
    public async Task A_client_signs_each_call_with_the_key_the_AWS_SDK_holds_at_that_moment()
    {
        var aws = new RotatingCredentials(Expiry);
        var handler = new CapturingHandler();
        using var client = new CloudTrailClient(new HttpClient(handler), new AwsClientOptions
        {
            Region = "eu-west-1", Endpoint = "https://cloudtrail.test.local", CredentialsProvider = new AwsSdkCredentialsProvider(aws),
        });

        await client.DescribeTrailsAsync(new DescribeTrailsRequest());
        aws.ClearCredentials();
        await client.DescribeTrailsAsync(new DescribeTrailsRequest());

        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("Credential=ROTATE1/", handler.Requests[0].Authorization);
        Assert.Equal("token-1", handler.Requests[0].SecurityToken);
        Assert.Contains("Credential=ROTATE2/", handler.Requests[1].Authorization);
        Assert.Equal("token-2", handler.Requests[1].SecurityToken);
    }

    [Fact]
    public async Task Static_AWS_SDK_credentials_without_a_token_send_none()
    {
        var bridge = new AwsSdkCredentialsProvider(new BasicAWSCredentials("BASICKEY", "basic-secret"));

        var credentials = await bridge.GetCredentialsAsync();

        Assert.Equal(("BASICKEY", "basic-secret"), (credentials.AccessKeyId, credentials.SecretAccessKey));
        Assert.Null(credentials.SessionToken);
        Assert.Null(credentials.Expiration);
    }

    [Fact]
    public async Task An_AWS_SDK_failure_becomes_a_credentials_error_naming_the_source_and_keeping_the_cause()
    {
        var bridge = new AwsSdkCredentialsProvider(new FailingCredentials());

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => bridge.GetCredentialsAsync().AsTask());

        Assert.Equal("Could not get AWS credentials from the AWS SDK for .NET (FailingCredentials): profile 'ci' has no credentials", error.Message);
        Assert.IsType<AmazonClientException>(error.InnerException);
    }

    [Fact]
    public void Nothing_it_prints_holds_a_secret()
    {
        var bridge = new AwsSdkCredentialsProvider(new RotatingCredentials(Expiry));

        Assert.Equal("AwsSdkCredentialsProvider { RotatingCredentials }", bridge.ToString());
        Assert.Throws<ArgumentNullException>(() => new AwsSdkCredentialsProvider(null!));
    }

    /// <summary>Refreshes through the AWS SDK's own RefreshingAWSCredentials logic; each generation has new keys.</summary>
    private sealed class RotatingCredentials(DateTime expiry) : RefreshingAWSCredentials
    {
        private int _generated;

        public int Generated => _generated;

        protected override CredentialsRefreshState GenerateNewCredentials()
        {
            var n = Interlocked.Increment(ref _generated);
            return new CredentialsRefreshState(new ImmutableCredentials("ROTATE" + n, "secret-" + n, "token-" + n), expiry);
        }
    }

    private sealed class FailingCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw new AmazonClientException("profile 'ci' has no credentials");
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public List<(string Authorization, string? SecurityToken)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.Headers.TryGetValues("Authorization", out var authorization) ? authorization.Single() : string.Empty,
                request.Headers.TryGetValues("X-Amz-Security-Token", out var tokens) ? tokens.Single() : null));
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"trailList\":[]}", Encoding.UTF8, "application/x-amz-json-1.1") };
            response.Headers.Add("x-amzn-RequestId", "bridge-" + Requests.Count);
            return Task.FromResult(response);
        }
    }
}
