using System;
using System.Linq;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Server.Auth;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Decides whether a request may reach the fake's behaviour, and under which access key and region it acts. With no known
/// credentials any well-formed signature passes; with known credentials the signature is recomputed and compared.
/// </summary>
internal sealed class FakeAuthenticator
{
    private readonly SigV4Verifier? _verifier;

    public FakeAuthenticator(FakeCloudTrailOptions options)
    {
        if (options.KnownCredentials.Count > 0)
        {
            var secrets = options.KnownCredentials.GroupBy(c => c.AccessKeyId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last().SecretAccessKey, StringComparer.Ordinal);
            _verifier = new SigV4Verifier(
                key => secrets.TryGetValue(key, out var secret) ? secret : null,
                new SigV4VerifierOptions { ExpectedService = "cloudtrail", Clock = options.TimeProvider });
        }
    }

    public bool Verifies => _verifier is not null;

    /// <summary>Returns the parsed signature (null for an unsigned call that is allowed), or throws the error AWS would answer with.</summary>
    public SigV4AuthorizationHeader? Authenticate(FakeHttpRequest request)
    {
        var value = request.Header(SigV4Signer.AuthorizationHeader);
        if (value is null)
        {
            return _verifier is null
                ? null
                : throw Denied("MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        if (!SigV4AuthorizationHeader.TryParse(value, out var header, out var error))
        {
            throw Denied("IncompleteSignatureException", error);
        }

        if (_verifier is null)
        {
            return header;
        }

        var result = _verifier.Verify(request.Method, request.Path, request.Query, request.Headers, request.Body.Span);
        return result.Error switch
        {
            SigV4VerificationError.None => header,
            SigV4VerificationError.UnknownAccessKey => throw Denied("UnrecognizedClientException", "The security token included in the request is invalid."),
            SigV4VerificationError.MalformedAuthorization or SigV4VerificationError.MissingDate or SigV4VerificationError.MalformedDate
                or SigV4VerificationError.MissingSignedHeader => throw Denied("IncompleteSignatureException", result.Message),
            _ => throw Denied("InvalidSignatureException", "The request signature we calculated does not match the signature you provided. " + result.Message),
        };
    }

    // Authentication failures come from the service front end, before any operation: Coral-style codes, HTTP 400.
    private static AwsServiceException Denied(string code, string? message) => new(code, message, 400, null);
}
