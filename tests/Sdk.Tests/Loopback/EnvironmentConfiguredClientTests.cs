using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;

namespace CloudTrailSdk.Sdk.Tests.Loopback;

/// <summary>
/// The "done when": a program written from the README alone (<c>new CloudTrailClient(new AwsClientOptions())</c>,
/// nothing explicit) lists trails and scans every LookupEvents page with <c>await foreach</c> against the endpoint in
/// <c>AWS_ENDPOINT_URL</c>, with credentials from the environment or from a profile, and botocore verifies every
/// request. The only thing set on the options is <see cref="AwsClientOptions.Environment"/>, standing in for the
/// process environment; pacing is left at its default (2 requests/s), as a README user would have it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EnvironmentConfiguredClientTests : IDisposable
{
    private static readonly AwsCredentials Static = new("AKIAENVIRONMENT00001", "environment/Secret+Key=0123456789");

    private static readonly AwsCredentials Session = new("ASIAENVIRONMENT00002", "environment/Session+Secret=abc", "FwoGZXIvYXdzEXAMPLE//token+with/slashes==");

    private static readonly AwsCredentials Profile = new("AKIAPROFILE000000003", "profile/Secret+Key=9876543210");

    private readonly TempDirectory _home = new();

    public void Dispose() => _home.Dispose();

    private CloudTrailClient ClientFrom(Dictionary<string, string> variables) =>
        new(new AwsClientOptions { Environment = variables.Aggregate(new FakeEnvironment(_home.Path), (environment, v) => environment.Set(v.Key, v.Value)) });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Credentials_region_and_endpoint_from_environment_variables(bool withSessionToken)
    {
        const string region = "eu-west-1";
        var credentials = withSessionToken ? Session : Static;
        await using var verifier = await BotocoreVerifier.StartAsync(region, credentials);
        var variables = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = verifier.EndpointText,
            ["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey,
            ["AWS_REGION"] = region,
        };
        if (withSessionToken)
        {
            variables["AWS_SESSION_TOKEN"] = credentials.SessionToken!;
        }

        using var client = ClientFrom(variables);

        // Checked first, so a client that ignored AWS_ENDPOINT_URL fails here instead of calling AWS.
        Assert.Equal(new Uri(verifier.EndpointText + "/"), client.Endpoint);
        await LoopbackScenario.RunAsync(client, verifier, region);
        var results = await verifier.ResultsAsync();
        Assert.All(results, r => Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={credentials.AccessKeyId}/", r.Received));
        Assert.All(results, r => Assert.Equal(withSessionToken, r.SignedHeaders!.Split(';').Contains("x-amz-security-token")));
    }

    [Fact]
    public async Task Credentials_from_a_profile_in_the_shared_credentials_file_and_region_from_the_config_file()
    {
        const string region = "ap-northeast-1";
        await using var verifier = await BotocoreVerifier.StartAsync(region, Profile);
        var credentialsFile = _home.Write("credentials", $"""
            [default]
            aws_access_key_id = AKIADEFAULTNOTUSED01
            aws_secret_access_key = default-not-used

            [loopback]
            aws_access_key_id = {Profile.AccessKeyId}
            aws_secret_access_key = {Profile.SecretAccessKey}
            """);
        var configFile = _home.Write("config", $"""
            [default]
            region = us-west-2

            [profile loopback]
            region = {region}
            """);

        using var client = ClientFrom(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = verifier.EndpointText,
            ["AWS_SHARED_CREDENTIALS_FILE"] = credentialsFile,
            ["AWS_CONFIG_FILE"] = configFile,
            ["AWS_PROFILE"] = "loopback",
        });

        Assert.Equal(new Uri(verifier.EndpointText + "/"), client.Endpoint);
        await LoopbackScenario.RunAsync(client, verifier, region);
        var results = await verifier.ResultsAsync();
        Assert.All(results, r => Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={Profile.AccessKeyId}/", r.Received));
        Assert.All(results, r => Assert.Contains($"/{region}/cloudtrail/aws4_request", r.Received));
    }

    [Fact]
    public async Task The_default_profile_in_the_files_under_the_home_directory_when_nothing_names_them()
    {
        const string region = "sa-east-1";
        await using var verifier = await BotocoreVerifier.StartAsync(region, Profile);
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(_home.Path, ".aws"));
        _home.Write(".aws/credentials", $"""
            [default]
            aws_access_key_id = {Profile.AccessKeyId}
            aws_secret_access_key = {Profile.SecretAccessKey}
            """);
        _home.Write(".aws/config", $"""
            [default]
            region = {region}
            """);

        using var client = ClientFrom(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = verifier.EndpointText });

        await LoopbackScenario.RunAsync(client, verifier, region);
    }
}
