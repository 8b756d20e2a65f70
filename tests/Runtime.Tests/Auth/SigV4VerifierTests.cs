using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Server.Auth;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Runtime.Tests.Auth;

[Trait("Category", "Unit")]
public sealed class SigV4VerifierTests
{
    private const string KeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset Time = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
    private const string ValidSignature = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static SigV4Verifier Verifier(string secret = Secret, SigV4VerifierOptions? options = null) =>
        new(id => id == KeyId ? secret : null, options);

    private static (HttpRequestMessage Request, byte[] Body) Signed(string body = "{\"Name\":\"trail\"}", string? token = null, bool contentSha = false)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "https://cloudtrail.us-east-1.amazonaws.com/") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "CloudTrail_20131101.GetTrail");
        new SigV4Signer("cloudtrail", "us-east-1", new SigV4SignerOptions { IncludeContentSha256Header = contentSha })
            .Sign(request, bytes, new AwsCredentials(KeyId, Secret, token), Time);
        return (request, bytes);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("session-token", false)]
    [InlineData(null, true)]
    public void Accepts_what_the_signer_produced(string? token, bool contentSha)
    {
        var (request, body) = Signed(token: token, contentSha: contentSha);
        using (request)
        {
            var result = Verifier(options: new SigV4VerifierOptions { ExpectedRegion = "us-east-1", ExpectedService = "cloudtrail" }).Verify(request, body);
            Assert.True(result.IsValid, result.ToString());
            Assert.Equal(SigV4VerificationError.None, result.Error);
            Assert.Equal(KeyId, result.Authorization!.AccessKeyId);
        }
    }

    [Fact]
    public void Accepts_plain_inputs_with_explicit_host_header()
    {
        var (request, body) = Signed();
        using (request)
        {
            var headers = request.Headers.Concat(request.Content!.Headers)
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
                .Append(new KeyValuePair<string, string>("Host", "cloudtrail.us-east-1.amazonaws.com"))
                .ToList();
            Assert.True(Verifier().Verify("POST", "/", null, headers, body).IsValid);
        }
    }

    [Fact]
    public void Rejects_tampered_body_as_signature_mismatch()
    {
        var (request, _) = Signed();
        using (request)
        {
            var result = Verifier().Verify(request, Encoding.UTF8.GetBytes("{\"Name\":\"other\"}"));
            Assert.Equal(SigV4VerificationError.SignatureMismatch, result.Error);
            Assert.Contains("does not match", result.Message);
            Assert.NotNull(result.CanonicalRequest);
        }
    }

    [Fact]
    public void Rejects_tampered_body_as_payload_hash_mismatch_when_content_sha256_is_sent()
    {
        var (request, _) = Signed(contentSha: true);
        using (request)
        {
            var result = Verifier().Verify(request, Encoding.UTF8.GetBytes("{\"Name\":\"other\"}"));
            Assert.Equal(SigV4VerificationError.PayloadHashMismatch, result.Error);
            Assert.Contains("X-Amz-Content-Sha256", result.Message);
        }
    }

    [Fact]
    public void Rejects_wrong_secret()
    {
        var (request, body) = Signed();
        using (request)
        {
            var result = Verifier(secret: "not-the-secret").Verify(request, body);
            Assert.Equal(SigV4VerificationError.SignatureMismatch, result.Error);
            Assert.Contains("Secret Access Key", result.Message);
        }
    }

    [Fact]
    public void Rejects_unknown_access_key()
    {
        var (request, body) = Signed();
        using (request)
        {
            var result = new SigV4Verifier(_ => null).Verify(request, body);
            Assert.Equal(SigV4VerificationError.UnknownAccessKey, result.Error);
            Assert.Contains(KeyId, result.Message);
        }
    }

    [Fact]
    public void Rejects_tampered_signed_header()
    {
        var (request, body) = Signed();
        using (request)
        {
            request.Headers.Remove("X-Amz-Target");
            request.Headers.TryAddWithoutValidation("X-Amz-Target", "CloudTrail_20131101.DeleteTrail");
            Assert.Equal(SigV4VerificationError.SignatureMismatch, Verifier().Verify(request, body).Error);
        }
    }

    [Fact]
    public void Rejects_missing_signed_header()
    {
        var (request, body) = Signed();
        using (request)
        {
            request.Headers.Remove("X-Amz-Target");
            var result = Verifier().Verify(request, body);
            Assert.Equal(SigV4VerificationError.MissingSignedHeader, result.Error);
            Assert.Contains("x-amz-target", result.Message);
        }
    }

    [Fact]
    public void Rejects_missing_authorization()
    {
        var (request, body) = Signed();
        using (request)
        {
            request.Headers.Remove("Authorization");
            Assert.Equal(SigV4VerificationError.MissingAuthorization, Verifier().Verify(request, body).Error);
        }
    }

    [Fact]
    public void Rejects_date_that_disagrees_with_credential_scope()
    {
        var (request, body) = Signed();
        using (request)
        {
            request.Headers.Remove("X-Amz-Date");
            request.Headers.TryAddWithoutValidation("X-Amz-Date", "20240507T070809Z");
            Assert.Equal(SigV4VerificationError.CredentialDateMismatch, Verifier().Verify(request, body).Error);
            request.Headers.Remove("X-Amz-Date");
            request.Headers.TryAddWithoutValidation("X-Amz-Date", "yesterday");
            Assert.Equal(SigV4VerificationError.MalformedDate, Verifier().Verify(request, body).Error);
            request.Headers.Remove("X-Amz-Date");
            Assert.Equal(SigV4VerificationError.MissingDate, Verifier().Verify(request, body).Error);
        }
    }

    [Fact]
    public void Rejects_wrong_region_or_service_and_skewed_clock()
    {
        var (request, body) = Signed();
        using (request)
        {
            Assert.Equal(SigV4VerificationError.WrongRegion, Verifier(options: new() { ExpectedRegion = "eu-west-1" }).Verify(request, body).Error);
            Assert.Equal(SigV4VerificationError.WrongService, Verifier(options: new() { ExpectedService = "s3" }).Verify(request, body).Error);
            var late = new ManualTimeProvider(Time.AddMinutes(16));
            Assert.Equal(SigV4VerificationError.RequestTimeTooSkewed, Verifier(options: new() { Clock = late }).Verify(request, body).Error);
            var close = new ManualTimeProvider(Time.AddMinutes(14));
            Assert.True(Verifier(options: new() { Clock = close }).Verify(request, body).IsValid);
        }
    }

    public static TheoryData<string, string> MalformedHeaders() => new()
    {
        { "", "missing or empty" },
        { "AWS4-HMAC-SHA1 Credential=a/20240506/r/s/aws4_request, SignedHeaders=host, Signature=" + ValidSignature, "unsupported algorithm 'AWS4-HMAC-SHA1'" },
        { "AWS4-HMAC-SHA256", "nothing after the algorithm" },
        { "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=" + ValidSignature, "missing the 'Credential' component" },
        { "AWS4-HMAC-SHA256 Credential=a/20240506/r/s/aws4_request, Signature=" + ValidSignature, "missing the 'SignedHeaders' component" },
        { "AWS4-HMAC-SHA256 Credential=a/20240506/r/s/aws4_request, SignedHeaders=host", "missing the 'Signature' component" },
        { "AWS4-HMAC-SHA256 Credential=a/20240506/r/aws4_request, SignedHeaders=host, Signature=" + ValidSignature, "must have 5 parts" },
        { "AWS4-HMAC-SHA256 Credential=/20240506/r/s/aws4_request, SignedHeaders=host, Signature=" + ValidSignature, "empty access key id" },
        { "AWS4-HMAC-SHA256 Credential=a/2024-05-06/r/s/aws4_request, SignedHeaders=host, Signature=" + ValidSignature, "not of the form yyyyMMdd" },
        { "AWS4-HMAC-SHA256 Credential=a/20240506/r/s/aws5_request, SignedHeaders=host, Signature=" + ValidSignature, "must end with 'aws4_request'" },
        { "AWS4-HMAC-SHA256 Credential=a/20240506/r/s/aws4_request, SignedHeaders=host;;x, Signature=" + ValidSignature, "SignedHeaders" },
        { "AWS4-HMAC-SHA256 Credential=a/20240506/r/s/aws4_request, SignedHeaders=Host, Signature=" + ValidSignature, "lower-case" },
        { "AWS4-HMAC-SHA256 Credential=a/20240506/r/s/aws4_request, SignedHeaders=host, Signature=XYZ", "64 lower-case hex" },
        { "AWS4-HMAC-SHA256 Credential=a/20240506/r/s/aws4_request, SignedHeaders=host, Signature", "not of the form Name=Value" },
        { "AWS4-HMAC-SHA256 Credential=a/20240506/r/s/aws4_request, Credential=b/20240506/r/s/aws4_request, SignedHeaders=host, Signature=" + ValidSignature, "more than once" },
        { "AWS4-HMAC-SHA256 Credential=a/20240506/r/s/aws4_request, SignedHeaders=host, Signature=" + ValidSignature + ", Extra=1", "unexpected component 'Extra'" },
    };

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public void Parser_reports_which_part_is_wrong(string header, string expectedFragment)
    {
        Assert.False(SigV4AuthorizationHeader.TryParse(header, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Contains(expectedFragment, error);
        Assert.Contains(expectedFragment, Assert.Throws<FormatException>(() => SigV4AuthorizationHeader.Parse(header)).Message);
    }

    [Fact]
    public void Verifier_rejects_malformed_header_with_its_reason()
    {
        var (request, body) = Signed();
        using (request)
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=" + KeyId + "/20240506/us-east-1/cloudtrail/aws4_request, Signature=" + ValidSignature);
            var result = Verifier().Verify(request, body);
            Assert.Equal(SigV4VerificationError.MalformedAuthorization, result.Error);
            Assert.Contains("missing the 'SignedHeaders' component", result.Message);
        }
    }

    [Fact]
    public void Parser_exposes_scope_and_signed_headers()
    {
        var header = SigV4AuthorizationHeader.Parse(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        Assert.Equal("AKIDEXAMPLE", header.AccessKeyId);
        Assert.Equal("20150830", header.Date);
        Assert.Equal("us-east-1", header.Region);
        Assert.Equal("service", header.Service);
        Assert.Equal(["host", "x-amz-date"], header.SignedHeaders);
        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", header.Signature);
    }
}
