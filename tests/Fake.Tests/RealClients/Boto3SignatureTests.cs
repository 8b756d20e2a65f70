using System;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tests.Support;
using CloudTrailSdk.Runtime.Auth;

namespace CloudTrailSdk.Fake.Tests.RealClients;

/// <summary>A verifying fake checks botocore's real SigV4 signatures: right secret served, wrong secret or key refused.</summary>
[Trait("Category", "RealClients")]
public sealed class Boto3SignatureTests
{
    private static readonly AwsCredentials Known = new("AKIABOTOKNOWN0000001", "boto-known-secret");

    [Theory]
    [InlineData("AKIABOTOKNOWN0000001", "boto-known-secret", "ok")]
    [InlineData("AKIABOTOKNOWN0000001", "some-other-secret", "InvalidSignatureException")]
    [InlineData("AKIABOTOUNKNOWN00001", "boto-known-secret", "UnrecognizedClientException")]
    public async Task Botocore_signatures_are_verified(string accessKey, string secret, string expected)
    {
        await using var host = await FakeCloudTrailHost.StartAsync(new FakeCloudTrailHostOptions { FakeOptions = new FakeCloudTrailOptions { KnownCredentials = new[] { Known } } });

        var run = await ProcessRunner.RunAsync(
            ProcessRunner.StartInfo("python3", new[] { "boto3_signed_call.py", host.Endpoint.AbsoluteUri }, environment: ProcessRunner.AwsEnvironment("sa-east-1", accessKey, secret)),
            TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(expected, run.Stdout.Trim());
    }
}
