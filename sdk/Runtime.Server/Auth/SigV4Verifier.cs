using System;
using CloudTrailSdk.Runtime.Auth;
using System.Collections.Generic;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace CloudTrailSdk.Runtime.Server.Auth;

/// <summary>
/// The server side of SigV4, for fakes and tests: parses a request's Authorization header, recomputes the signature with the
/// secret of the access key it names, and compares the two in constant time.
/// </summary>
public sealed class SigV4Verifier
{
    private readonly Func<string, string?> _secretLookup;
    private readonly SigV4VerifierOptions _options;

    /// <summary>Creates a verifier.</summary>
    /// <param name="secretLookup">Returns the secret access key for an access key id, or <see langword="null"/> if the key is unknown.</param>
    /// <param name="options">Optional expectations (service, region, clock).</param>
    public SigV4Verifier(Func<string, string?> secretLookup, SigV4VerifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(secretLookup);
        _secretLookup = secretLookup;
        _options = options ?? new SigV4VerifierOptions();
    }

    /// <summary>Verifies a request given as an <see cref="HttpRequestMessage"/> plus its body bytes.</summary>
    public SigV4VerificationResult Verify(HttpRequestMessage request, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("The request URI must be absolute to be verified.");
        }

        var headers = HeadersOf(request);
        return Verify(request.Method.Method, uri.AbsolutePath, uri.Query, headers, body);
    }

    /// <summary>
    /// Every header of a request, content headers included, as the signer saw them. An HttpRequestMessage keeps Host in
    /// its URI, not its headers, until a socket handler writes it; the signature covers it, so it is added from the URI.
    /// </summary>
    public static List<KeyValuePair<string, string>> HeadersOf(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers.NonValidated)
        {
            foreach (var value in header.Value)
            {
                headers.Add(new KeyValuePair<string, string>(header.Key, value));
            }
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers.NonValidated)
            {
                foreach (var value in header.Value)
                {
                    headers.Add(new KeyValuePair<string, string>(header.Key, value));
                }
            }
        }

        if (!ContainsHeader(headers, "host") && request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            headers.Add(new KeyValuePair<string, string>("host", SigV4Signer.HostFromUri(uri)));
        }

        return headers;
    }

    /// <summary>
    /// Verifies a request from plain inputs: the method, the wire-form path and query, every received header (name, value; repeated
    /// names allowed; must include <c>Host</c>), and the body bytes.
    /// </summary>
    public SigV4VerificationResult Verify(string method, string? path, string? query, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(headers);

        var authorizationValues = ValuesOf(headers, SigV4Signer.AuthorizationHeader);
        if (authorizationValues.Count == 0)
        {
            return SigV4VerificationResult.Fail(SigV4VerificationError.MissingAuthorization, "The request has no Authorization header.");
        }

        if (authorizationValues.Count > 1)
        {
            return SigV4VerificationResult.Fail(SigV4VerificationError.MalformedAuthorization, "The request has more than one Authorization header.");
        }

        if (!SigV4AuthorizationHeader.TryParse(authorizationValues[0], out var auth, out var parseError))
        {
            return SigV4VerificationResult.Fail(SigV4VerificationError.MalformedAuthorization, parseError);
        }

        if (_options.ExpectedService is not null && !string.Equals(auth.Service, _options.ExpectedService, StringComparison.Ordinal))
        {
            return SigV4VerificationResult.Fail(SigV4VerificationError.WrongService, $"Credential should be scoped to service '{_options.ExpectedService}', not '{auth.Service}'.", auth);
        }

        if (_options.ExpectedRegion is not null && !string.Equals(auth.Region, _options.ExpectedRegion, StringComparison.Ordinal))
        {
            return SigV4VerificationResult.Fail(SigV4VerificationError.WrongRegion, $"Credential should be scoped to region '{_options.ExpectedRegion}', not '{auth.Region}'.", auth);
        }

        var dateValues = ValuesOf(headers, SigV4Signer.AmzDateHeader);
        if (dateValues.Count == 0)
        {
            return SigV4VerificationResult.Fail(SigV4VerificationError.MissingDate, "The request has no X-Amz-Date header.", auth);
        }

        if (!SigV4Signer.TryParseAmzDate(dateValues[0].Trim(), out var signingTime))
        {
            return SigV4VerificationResult.Fail(SigV4VerificationError.MalformedDate, $"X-Amz-Date '{dateValues[0]}' is not of the form yyyyMMdd'T'HHmmss'Z'.", auth);
        }

        if (!string.Equals(SigV4Signer.FormatDateStamp(signingTime), auth.Date, StringComparison.Ordinal))
        {
            return SigV4VerificationResult.Fail(SigV4VerificationError.CredentialDateMismatch, $"Credential date '{auth.Date}' does not match X-Amz-Date '{dateValues[0]}'.", auth);
        }

        if (_options.Clock is not null)
        {
            var now = _options.Clock.GetUtcNow();
            if ((now - signingTime).Duration() > _options.MaxClockSkew)
            {
                return SigV4VerificationResult.Fail(
                    SigV4VerificationError.RequestTimeTooSkewed,
                    $"Signature time {dateValues[0]} is more than {_options.MaxClockSkew} away from the server time {SigV4Signer.FormatAmzDate(now)}.",
                    auth);
            }
        }

        var signed = new List<KeyValuePair<string, string>>();
        var signsHost = false;
        foreach (var name in auth.SignedHeaders)
        {
            signsHost |= name == "host";
            var values = ValuesOf(headers, name);
            if (values.Count == 0)
            {
                return SigV4VerificationResult.Fail(SigV4VerificationError.MissingSignedHeader, $"Signed header '{name}' is not present in the request.", auth);
            }

            foreach (var value in values)
            {
                signed.Add(new KeyValuePair<string, string>(name, value));
            }
        }

        if (!signsHost)
        {
            return SigV4VerificationResult.Fail(SigV4VerificationError.MissingSignedHeader, "SignedHeaders must include 'host'.", auth);
        }

        var bodyHash = SigV4Signer.HashPayload(body);
        var payloadHash = bodyHash;
        var declaredHashes = ValuesOf(headers, SigV4Signer.ContentSha256Header);
        if (declaredHashes.Count > 0)
        {
            var declared = declaredHashes[0].Trim();
            if (!string.Equals(declared, SigV4Signer.UnsignedPayload, StringComparison.Ordinal)
                && !string.Equals(declared, bodyHash, StringComparison.OrdinalIgnoreCase))
            {
                return SigV4VerificationResult.Fail(
                    SigV4VerificationError.PayloadHashMismatch,
                    $"X-Amz-Content-Sha256 '{declared}' does not match the SHA-256 of the body received ('{bodyHash}').",
                    auth);
            }

            payloadHash = declared;
        }

        var secret = _secretLookup(auth.AccessKeyId);
        if (secret is null)
        {
            return SigV4VerificationResult.Fail(SigV4VerificationError.UnknownAccessKey, $"The access key id '{auth.AccessKeyId}' is not known.", auth);
        }

        var canonicalRequest = SigV4Signer.BuildCanonicalRequest(method, path, query, signed, payloadHash, _options.DoubleEncodePath);
        var stringToSign = SigV4Signer.BuildStringToSign(signingTime, auth.Region, auth.Service, canonicalRequest);
        var key = SigV4Signer.DeriveSigningKey(secret, auth.Date, auth.Region, auth.Service);
        var expected = SigV4Signer.ComputeSignature(key, stringToSign);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(auth.Signature)))
        {
            return new SigV4VerificationResult(
                SigV4VerificationError.SignatureMismatch,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. "
                + "The canonical request was:\n" + canonicalRequest + "\nThe string to sign was:\n" + stringToSign,
                auth,
                canonicalRequest,
                stringToSign);
        }

        return new SigV4VerificationResult(SigV4VerificationError.None, null, auth, canonicalRequest, stringToSign);
    }

    private static bool ContainsHeader(List<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var header in headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> ValuesOf(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        var values = new List<string>();
        foreach (var header in headers)
        {
            if (string.Equals(header.Key.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                values.Add(header.Value);
            }
        }

        return values;
    }
}

/// <summary>Options for <see cref="SigV4Verifier"/>.</summary>
public sealed class SigV4VerifierOptions
{
    /// <summary>When set, the credential scope must name this service.</summary>
    public string? ExpectedService { get; init; }

    /// <summary>When set, the credential scope must name this region.</summary>
    public string? ExpectedRegion { get; init; }

    /// <summary>When set, <c>X-Amz-Date</c> must be within <see cref="MaxClockSkew"/> of this clock's time.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>The allowed distance between the signing time and <see cref="Clock"/>; AWS allows 15 minutes.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Whether the path is double-encoded (true for every service except S3).</summary>
    public bool DoubleEncodePath { get; init; } = true;
}

/// <summary>Why a SigV4 verification failed.</summary>
public enum SigV4VerificationError
{
    /// <summary>The signature is valid.</summary>
    None = 0,

    /// <summary>There is no Authorization header.</summary>
    MissingAuthorization,

    /// <summary>The Authorization header could not be parsed; the message names the missing or bad part.</summary>
    MalformedAuthorization,

    /// <summary>The credential scope names another service than expected.</summary>
    WrongService,

    /// <summary>The credential scope names another region than expected.</summary>
    WrongRegion,

    /// <summary>There is no X-Amz-Date header.</summary>
    MissingDate,

    /// <summary>The X-Amz-Date header is malformed.</summary>
    MalformedDate,

    /// <summary>The credential-scope date differs from the X-Amz-Date date.</summary>
    CredentialDateMismatch,

    /// <summary>The signing time is too far from the server clock.</summary>
    RequestTimeTooSkewed,

    /// <summary>A header listed in SignedHeaders is absent from the request, or <c>host</c> is not signed.</summary>
    MissingSignedHeader,

    /// <summary>X-Amz-Content-Sha256 does not match the body received (the body was altered).</summary>
    PayloadHashMismatch,

    /// <summary>The access key id is unknown.</summary>
    UnknownAccessKey,

    /// <summary>The recomputed signature differs: wrong secret, or a signed part of the request (including an unhashed body) was altered.</summary>
    SignatureMismatch,
}

/// <summary>The outcome of <see cref="SigV4Verifier.Verify(HttpRequestMessage, ReadOnlySpan{byte})"/>.</summary>
public sealed class SigV4VerificationResult
{
    internal SigV4VerificationResult(SigV4VerificationError error, string? message, SigV4AuthorizationHeader? authorization, string? canonicalRequest, string? stringToSign)
    {
        Error = error;
        Message = message;
        Authorization = authorization;
        CanonicalRequest = canonicalRequest;
        StringToSign = stringToSign;
    }

    /// <summary>Whether the signature is valid.</summary>
    public bool IsValid => Error == SigV4VerificationError.None;

    /// <summary>The failure kind, or <see cref="SigV4VerificationError.None"/>.</summary>
    public SigV4VerificationError Error { get; }

    /// <summary>A human-readable reason for the failure, or <see langword="null"/> when valid.</summary>
    public string? Message { get; }

    /// <summary>The parsed Authorization header, when it could be parsed.</summary>
    public SigV4AuthorizationHeader? Authorization { get; }

    /// <summary>The canonical request the verifier computed, when it got that far.</summary>
    public string? CanonicalRequest { get; }

    /// <summary>The string to sign the verifier computed, when it got that far.</summary>
    public string? StringToSign { get; }

    internal static SigV4VerificationResult Fail(SigV4VerificationError error, string message, SigV4AuthorizationHeader? authorization = null) =>
        new(error, message, authorization, null, null);

    /// <inheritdoc/>
    public override string ToString() => IsValid ? "Valid" : Error + ": " + Message;
}
