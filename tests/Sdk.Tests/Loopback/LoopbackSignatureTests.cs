using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Pacing;
using Xunit.Abstractions;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Sdk.Tests.Loopback;

/// <summary>
/// The client over real HTTP on loopback against <c>botocore_verifier.py</c>, which recomputes every request's SigV4
/// signature with botocore's <c>SigV4Auth</c> and refuses any that differ. Needs python3 with botocore.
/// </summary>
[Trait("Category", "RealClients")]
public sealed class LoopbackSignatureTests(ITestOutputHelper output) : IDisposable
{
    private const string Region = "us-east-1";

    private static readonly AwsCredentials Static = new("AKIALOOPBACK00000001", "loopback/secret+Key=0123456789abcdefABCDEF");

    private static readonly AwsCredentials Session = new(
        "ASIALOOPBACK00000002",
        "session/Secret+Key=fedcba9876543210",
        "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexample+token/with=padding==");

    private readonly FakeEnvironment _environment = FakeEnvironment.WithPrivateHome();

    public void Dispose() => _environment.Dispose();

    private CloudTrailClient Client(BotocoreVerifier verifier, AwsCredentials credentials, string region = Region) => new(new AwsClientOptions
    {
        Credentials = credentials,
        Region = region,
        Endpoint = verifier.EndpointText,
        Environment = _environment,
        Pacing = AwsPacing.Off,
    });

    [Fact]
    public async Task Every_request_of_ListTrails_and_a_LookupEvents_scan_verifies_under_botocore()
    {
        await using var verifier = await BotocoreVerifier.StartAsync(Region, Static);
        using var client = Client(verifier, Static);

        await LoopbackScenario.RunAsync(client, verifier, Region);

        var results = await verifier.ResultsAsync();
        Assert.All(results, r => Assert.DoesNotContain("x-amz-security-token", r.SignedHeaders));
    }

    [Fact]
    public async Task Requests_signed_with_a_session_token_verify_under_botocore()
    {
        await using var verifier = await BotocoreVerifier.StartAsync(Region, Session);
        using var client = Client(verifier, Session);

        await LoopbackScenario.RunAsync(client, verifier, Region);

        var results = await verifier.ResultsAsync();
        Assert.All(results, r => Assert.Contains("x-amz-security-token", r.SignedHeaders!.Split(';')));
    }

    [Theory]
    [InlineData("Jürgen ✓ 日本語 🚀")]
    [InlineData("Ünïcødé \"quoted\" \\ back/slash\ttab")]
    public async Task A_non_ASCII_body_verifies_under_botocore_and_round_trips(string username)
    {
        await using var verifier = await BotocoreVerifier.StartAsync(Region, Session);
        using var client = Client(verifier, Session);

        await LoopbackScenario.RunAsync(client, verifier, Region, username);

        // Whatever the JSON writer does with non-ASCII (raw UTF-8 or \u escapes), botocore hashed the bytes that were sent.
        foreach (var result in await verifier.ResultsAsync())
        {
            output.WriteLine($"{result.Operation} (non-ASCII bytes on the wire: {result.NonAsciiBytes}): {result.RawBody}");
        }
    }

    [Fact]
    public async Task Another_region_and_a_scan_resumed_from_a_token_verify_under_botocore()
    {
        const string region = "ap-southeast-2";
        await using var verifier = await BotocoreVerifier.StartAsync(region, Static);
        using var client = Client(verifier, Static, region);

        var events = new List<string?>();
        await foreach (var e in client.Paginators.LookupEvents(new LookupEventsRequest { NextToken = "tok-page-2" }).Events)
        {
            events.Add(e.EventId);
        }

        Assert.Equal(LoopbackScenario.ExpectedEventIds.Skip(3), events);
        var results = await verifier.AssertAllVerifiedAsync(2);
        Assert.All(results, r => Assert.Contains($"/{region}/cloudtrail/aws4_request", r.Received));
    }

    /// <summary>
    /// The client's JSON writer escapes non-ASCII characters (<c>\u00FC</c>), so its bodies are ASCII on the wire. This
    /// signs raw UTF-8 bytes with the runtime's <see cref="SigV4Signer"/> and sends them over loopback, so botocore hashes
    /// multi-byte characters too.
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task SigV4Signer_signs_raw_UTF8_bodies_that_botocore_verifies(bool withSessionToken, bool includeContentSha256)
    {
        var credentials = withSessionToken ? Session : Static;
        await using var verifier = await BotocoreVerifier.StartAsync(Region, credentials);
        var signer = new SigV4Signer("cloudtrail", Region, new SigV4SignerOptions { IncludeContentSha256Header = includeContentSha256 });
        const string value = "Jürgen ✓ 日本語 🚀";
        var body = Encoding.UTF8.GetBytes("{\"LookupAttributes\":[{\"AttributeKey\":\"Username\",\"AttributeValue\":\"" + value + "\"}]}");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, verifier.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents");
        signer.Sign(request, body, credentials, DateTimeOffset.UtcNow);

        using var response = await http.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = Assert.Single(await verifier.AssertAllVerifiedAsync(1));
        Assert.True(result.NonAsciiBytes);
        Assert.Equal(value, result.Body.GetProperty("LookupAttributes")[0].GetProperty("AttributeValue").GetString());
        Assert.Equal(includeContentSha256, result.SignedHeaders!.Split(';').Contains("x-amz-content-sha256"));
    }

    public static TheoryData<string, AwsCredentials, AwsCredentials, string> Refused => new()
    {
        { "wrong secret", Static, new AwsCredentials(Static.AccessKeyId, Static.SecretAccessKey + "x"), Region },
        { "wrong session token", Session, new AwsCredentials(Session.AccessKeyId, Session.SecretAccessKey, Session.SessionToken + "x"), Region },
        { "session token missing", Session, new AwsCredentials(Session.AccessKeyId, Session.SecretAccessKey), Region },
        { "signed for another region", Static, Static, "eu-west-1" },
    };

    /// <summary>The negative control: the verifier can and does refuse, so the passing tests above mean something.</summary>
    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_wrong_signature_is_refused_with_InvalidSignatureException(string why, AwsCredentials known, AwsCredentials used, string region)
    {
        await using var verifier = await BotocoreVerifier.StartAsync(Region, known);
        using var client = Client(verifier, used, region);

        var error = await Assert.ThrowsAsync<CloudTrailException>(() => client.ListTrailsAsync(new ListTrailsRequest()));

        Assert.True(error.ErrorCode == "InvalidSignatureException", why + ": " + error);
        Assert.Equal(403, error.StatusCode);
        Assert.Contains("signature mismatch", error.Message);
        var result = Assert.Single(await verifier.ResultsAsync()); // a 403 is not retried
        Assert.False(result.Ok);
        Assert.NotEqual(result.Expected, result.Received);
    }

    [Fact]
    public async Task A_scan_stops_at_the_first_refused_page()
    {
        await using var verifier = await BotocoreVerifier.StartAsync(Region, Static);
        using var client = Client(verifier, new AwsCredentials(Static.AccessKeyId, "not-the-secret"));

        var seen = new List<string?>();
        var error = await Assert.ThrowsAsync<CloudTrailException>(async () =>
        {
            await foreach (var e in client.Paginators.LookupEvents(new LookupEventsRequest()).Events)
            {
                seen.Add(e.EventId);
            }
        });

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Empty(seen);
        Assert.False(Assert.Single(await verifier.ResultsAsync()).Ok);
    }
}
