using System;
using System.Net.Http;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tests.Support;
using CloudTrailSdk.Runtime.Auth;

namespace CloudTrailSdk.Fake.Tests;

/// <summary>Opt-in SigV4 verification with known credentials, and what the default (no known credentials) lets through.</summary>
[Trait("Category", "Unit")]
public sealed class SignatureTests : IAsyncLifetime
{
    private static readonly AwsCredentials Known = new("AKIAKNOWNKEY00000001", "the-real-secret");
    private FakeCloudTrailHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await FakeCloudTrailHost.StartAsync(new FakeCloudTrailHostOptions { FakeOptions = new FakeCloudTrailOptions { KnownCredentials = new[] { Known } } });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_call_signed_with_known_credentials_is_served()
    {
        using var client = Clients.OverHttp(_host.Endpoint, "us-east-1", Known.AccessKeyId, Known.SecretAccessKey);

        Assert.NotNull((await client.ListTrailsAsync(new ListTrailsRequest())).Trails);
    }

    [Fact]
    public async Task A_wrong_secret_is_InvalidSignatureException()
    {
        using var client = Clients.OverHttp(_host.Endpoint, "us-east-1", Known.AccessKeyId, "not-" + Known.SecretAccessKey);

        Assert.Equal("InvalidSignatureException", await Errors.CodeOf(() => client.ListTrailsAsync(new ListTrailsRequest())));
    }

    [Fact]
    public async Task An_unknown_key_is_UnrecognizedClientException()
    {
        using var client = Clients.OverHttp(_host.Endpoint, "us-east-1", "AKIAUNKNOWNKEY000001", Known.SecretAccessKey);

        Assert.Equal("UnrecognizedClientException", await Errors.CodeOf(() => client.ListTrailsAsync(new ListTrailsRequest())));
    }

    [Fact]
    public async Task An_unsigned_call_is_MissingAuthenticationTokenException()
    {
        var answer = await RawCall.PostAsync(_host.Endpoint, RawCall.Target("ListTrails"), "{}");

        Assert.Equal(400, answer.Status);
        Assert.Equal("MissingAuthenticationTokenException", answer.ErrorType);
    }

    [Fact]
    public async Task Without_known_credentials_any_well_formed_signature_is_accepted_but_a_malformed_one_is_not()
    {
        await using var open = await FakeCloudTrailHost.StartAsync();
        using var client = Clients.OverHttp(open.Endpoint, "us-east-1", "AKIAANYKEYATALL00001", "any-secret");
        Assert.NotNull((await client.ListTrailsAsync(new ListTrailsRequest())).Trails);

        var answer = await RawCall.SendAsync(open.Endpoint, HttpMethod.Post, RawCall.Target("ListTrails"), new StringContent("{}"), authorization: "AWS4-HMAC-SHA256 Credential=broken");

        Assert.Equal(400, answer.Status);
        Assert.Equal("IncompleteSignatureException", answer.ErrorType);
    }
}
