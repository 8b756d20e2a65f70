using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using CloudTrailSdk.Runtime.Auth;

namespace CloudTrailSdk.Runtime.Tests.Auth;

[Trait("Category", "Unit")]
public sealed class SigV4SignerTests
{
    private static readonly AwsCredentials Keys = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset Time = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static HttpRequestMessage CloudTrailRequest(string body, string url = "https://cloudtrail.us-east-1.amazonaws.com/")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "CloudTrail_20131101.ListTrails");
        return request;
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("/a b/c", "/a%20b/c")]
    [InlineData("/a%20b/", "/a%2520b/")]
    [InlineData("/documents and settings/", "/documents%20and%20settings/")]
    [InlineData("//x//./y/../z", "/x/z")]
    [InlineData("/~user/-_.", "/~user/-_.")]
    public void CanonicalizePath_double_encodes_wire_path(string path, string expected) =>
        Assert.Equal(expected, SigV4Signer.CanonicalizePath(path));

    [Theory]
    [InlineData("/a%20b/", "/a%20b/")]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/%E1%88%B4", "/%E1%88%B4")]
    [InlineData("/", "/")]
    public void CanonicalizePath_single_encodes_when_double_encoding_is_off(string path, string expected) =>
        Assert.Equal(expected, SigV4Signer.CanonicalizePath(path, doubleEncode: false));

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("?", "")]
    [InlineData("?b=2&a=1", "a=1&b=2")]
    [InlineData("a=2&a=1&A=3", "A=3&a=1&a=2")]
    [InlineData("flag&x=", "flag=&x=")]
    [InlineData("k=a%20b&k2=a+b", "k=a%20b&k2=a%2Bb")]
    [InlineData("%7E=~&sp=%2F", "sp=%2F&~=~")]
    public void CanonicalizeQuery_sorts_by_encoded_name_then_value(string? query, string expected) =>
        Assert.Equal(expected, SigV4Signer.CanonicalizeQuery(query));

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("  a   b\t\tc  ", "a b c")]
    [InlineData("\"a   b   c\"", "\"a b c\"")]
    [InlineData("line1\r\n   line2", "line1 line2")]
    [InlineData("   ", "")]
    public void TrimAll_trims_and_collapses_whitespace(string value, string expected) =>
        Assert.Equal(expected, SigV4Signer.TrimAll(value));

    [Fact]
    public void UriEncode_encodes_utf8_bytes_uppercase_and_keeps_unreserved()
    {
        Assert.Equal("AZaz09-_.~%20%2F%2B%3D%E1%88%B4", SigV4Signer.UriEncode("AZaz09-_.~ /+=\u1234"));
        Assert.Equal("a/b%20c", SigV4Signer.UriEncode("a/b c", encodeSlash: false));
    }

    [Fact]
    public void Canonical_headers_lowercase_sort_and_join_duplicates()
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("X-Amz-Target", " T "),
            new("Host", "h"),
            new("x-amz-meta", "b"),
            new("X-AMZ-META", "a"),
        };
        Assert.Equal("host:h\nx-amz-meta:b,a\nx-amz-target:T\n", SigV4Signer.CanonicalizeHeaders(headers));
        Assert.Equal("host;x-amz-meta;x-amz-target", SigV4Signer.GetSignedHeaders(headers));
    }

    [Fact]
    public void Sign_sets_date_and_authorization_and_signs_host_content_type_and_x_amz_headers_only()
    {
        using var request = CloudTrailRequest("{}");
        request.Headers.TryAddWithoutValidation("User-Agent", "ua/1");
        request.Headers.TryAddWithoutValidation("X-Custom", "not signed");
        var result = new SigV4Signer("cloudtrail", "us-east-1").Sign(request, "{}"u8, Keys, Time);

        Assert.Equal("20240506T070809Z", request.Headers.GetValues("X-Amz-Date").Single());
        Assert.Equal("content-type;host;x-amz-date;x-amz-target", result.SignedHeaders);
        Assert.False(request.Headers.Contains("X-Amz-Security-Token"));
        Assert.False(request.Headers.Contains("X-Amz-Content-Sha256"));
        Assert.StartsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240506/us-east-1/cloudtrail/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=",
            request.Headers.GetValues("Authorization").Single());
        Assert.Equal(result.Authorization, request.Headers.GetValues("Authorization").Single());
        Assert.EndsWith("\n" + SigV4Signer.HashPayload("{}"u8), result.CanonicalRequest);
        Assert.Contains("host:cloudtrail.us-east-1.amazonaws.com\n", result.CanonicalRequest);
    }

    [Fact]
    public void Sign_adds_security_token_when_present_and_signs_it()
    {
        using var request = CloudTrailRequest("{}");
        var result = new SigV4Signer("cloudtrail", "us-east-1").Sign(request, "{}"u8, new AwsCredentials("ASIAX", "secret", "the-token"), Time);
        Assert.Equal("the-token", request.Headers.GetValues("X-Amz-Security-Token").Single());
        Assert.Equal("content-type;host;x-amz-date;x-amz-security-token;x-amz-target", result.SignedHeaders);
    }

    [Fact]
    public void Sign_adds_content_sha256_only_when_enabled()
    {
        using var request = CloudTrailRequest("{\"a\":1}");
        var body = Encoding.UTF8.GetBytes("{\"a\":1}");
        var result = new SigV4Signer("cloudtrail", "us-east-1", new SigV4SignerOptions { IncludeContentSha256Header = true }).Sign(request, body, Keys, Time);
        Assert.Equal(SigV4Signer.HashPayload(body), request.Headers.GetValues("X-Amz-Content-Sha256").Single());
        Assert.Contains("x-amz-content-sha256", result.SignedHeaders.Split(';'));
    }

    [Fact]
    public void Resigning_replaces_previous_signature_headers()
    {
        using var request = CloudTrailRequest("{}");
        var signer = new SigV4Signer("cloudtrail", "us-east-1");
        var credentials = new AwsCredentials("ASIAX", "secret", "token-1");
        var first = signer.Sign(request, "{}"u8, credentials, Time);
        var second = signer.Sign(request, "{}"u8, new AwsCredentials("ASIAX", "secret", "token-2"), Time.AddMinutes(1));

        Assert.Equal(second.Authorization, request.Headers.GetValues("Authorization").Single());
        Assert.Equal("token-2", request.Headers.GetValues("X-Amz-Security-Token").Single());
        Assert.Equal("20240506T070909Z", request.Headers.GetValues("X-Amz-Date").Single());
        Assert.NotEqual(first.Signature, second.Signature);
        Assert.DoesNotContain("authorization", second.SignedHeaders.Split(';'));
    }

    [Fact]
    public void Sign_includes_non_default_port_in_host()
    {
        using var request = CloudTrailRequest("{}", "http://localhost:4566/");
        var result = new SigV4Signer("cloudtrail", "us-east-1").Sign(request, "{}"u8, Keys, Time);
        Assert.Contains("\nhost:localhost:4566\n", result.CanonicalRequest);
    }

    [Fact]
    public async System.Threading.Tasks.Task SignAsync_reads_the_content_and_matches_Sign()
    {
        using var a = CloudTrailRequest("{\"x\":\"\u00e9\"}");
        using var b = CloudTrailRequest("{\"x\":\"\u00e9\"}");
        var signer = new SigV4Signer("cloudtrail", "us-east-1");
        var viaAsync = await signer.SignAsync(a, Keys, Time);
        var viaSpan = signer.Sign(b, Encoding.UTF8.GetBytes("{\"x\":\"\u00e9\"}"), Keys, Time);
        Assert.Equal(viaSpan.Authorization, viaAsync.Authorization);
    }

    [Fact]
    public void Sign_converts_signing_time_to_utc()
    {
        using var request = CloudTrailRequest("{}");
        new SigV4Signer("cloudtrail", "us-east-1").Sign(request, "{}"u8, Keys, new DateTimeOffset(2024, 5, 6, 1, 0, 0, TimeSpan.FromHours(3)));
        Assert.Equal("20240505T220000Z", request.Headers.GetValues("X-Amz-Date").Single());
    }

    [Fact]
    public void Sign_rejects_relative_uri()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/", UriKind.Relative));
        Assert.Throws<InvalidOperationException>(() => new SigV4Signer("cloudtrail", "us-east-1").Sign(request, default, Keys, Time));
    }

    [Fact]
    public void Credentials_ToString_never_shows_secret_or_token()
    {
        var credentials = new AwsCredentials("AKIDEXAMPLE", "SUPERSECRETVALUE", "SESSIONTOKENVALUE");
        var text = credentials.ToString();
        Assert.Contains("AKIDEXAMPLE", text);
        Assert.Contains("***", text);
        Assert.DoesNotContain("SUPERSECRETVALUE", text);
        Assert.DoesNotContain("SESSIONTOKENVALUE", text);
        Assert.DoesNotContain("SUPERSECRETVALUE", new AwsCredentials("AKIDEXAMPLE", "SUPERSECRETVALUE").ToString());
    }

    [Fact]
    public void Credentials_debugger_display_uses_masked_text_and_hides_secret_members()
    {
        var type = typeof(AwsCredentials);
        Assert.Equal("{ToString(),nq}", type.GetCustomAttribute<DebuggerDisplayAttribute>()!.Value);
        foreach (var name in new[] { nameof(AwsCredentials.SecretAccessKey), nameof(AwsCredentials.SessionToken) })
        {
            Assert.Equal(DebuggerBrowsableState.Never, type.GetProperty(name)!.GetCustomAttribute<DebuggerBrowsableAttribute>()!.State);
        }
    }

    [Theory]
    [InlineData("", "secret")]
    [InlineData("AKID", " ")]
    public void Credentials_require_key_and_secret(string keyId, string secret) =>
        Assert.Throws<ArgumentException>(() => new AwsCredentials(keyId, secret));

    [Fact]
    public void Credentials_treat_empty_token_as_none() =>
        Assert.Null(new AwsCredentials("AKID", "secret", string.Empty).SessionToken);
}
