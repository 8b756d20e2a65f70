using System;
using CloudTrailSdk.Runtime.Auth;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace CloudTrailSdk.Runtime.Server.Auth;

/// <summary>
/// A parsed SigV4 Authorization header:
/// <c>AWS4-HMAC-SHA256 Credential=AKID/yyyyMMdd/region/service/aws4_request, SignedHeaders=a;b, Signature=hex</c>.
/// </summary>
public sealed class SigV4AuthorizationHeader
{
    private SigV4AuthorizationHeader(string accessKeyId, string date, string region, string service, IReadOnlyList<string> signedHeaders, string signature)
    {
        AccessKeyId = accessKeyId;
        Date = date;
        Region = region;
        Service = service;
        SignedHeaders = signedHeaders;
        Signature = signature;
    }

    /// <summary>The access key id from the credential scope.</summary>
    public string AccessKeyId { get; }

    /// <summary>The credential-scope date, <c>yyyyMMdd</c>.</summary>
    public string Date { get; }

    /// <summary>The credential-scope region.</summary>
    public string Region { get; }

    /// <summary>The credential-scope service.</summary>
    public string Service { get; }

    /// <summary>The signed header names, lower-case, in the order given.</summary>
    public IReadOnlyList<string> SignedHeaders { get; }

    /// <summary>The signature, 64 lower-case hex characters.</summary>
    public string Signature { get; }

    /// <summary>The <c>SignedHeaders</c> value as it appeared (names joined with <c>;</c>).</summary>
    public string SignedHeadersValue => string.Join(';', SignedHeaders);

    /// <summary>Parses a header value, throwing <see cref="FormatException"/> with the reason when it is malformed.</summary>
    public static SigV4AuthorizationHeader Parse(string? value) =>
        TryParse(value, out var header, out var error) ? header : throw new FormatException(error);

    /// <summary>
    /// Parses a header value. On failure <paramref name="error"/> says what is wrong, e.g. which component is missing
    /// (<c>Credential</c>, <c>SignedHeaders</c> or <c>Signature</c>) or which part of the credential is malformed.
    /// </summary>
    public static bool TryParse(
        string? value,
        [NotNullWhen(true)] out SigV4AuthorizationHeader? header,
        [NotNullWhen(false)] out string? error)
    {
        header = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "Authorization header is missing or empty.";
            return false;
        }

        var text = value.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var algorithm = space < 0 ? text : text[..space];
        if (!string.Equals(algorithm, SigV4Signer.Algorithm, StringComparison.Ordinal))
        {
            error = $"Authorization header has unsupported algorithm '{algorithm}'; expected '{SigV4Signer.Algorithm}'.";
            return false;
        }

        if (space < 0 || text[(space + 1)..].Trim().Length == 0)
        {
            error = "Authorization header has nothing after the algorithm; expected Credential, SignedHeaders and Signature components.";
            return false;
        }

        string? credential = null;
        string? signedHeaders = null;
        string? signature = null;
        foreach (var rawComponent in text[(space + 1)..].Split(','))
        {
            var component = rawComponent.Trim();
            if (component.Length == 0)
            {
                error = "Authorization header has an empty component (stray comma).";
                return false;
            }

            var equals = component.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"Authorization header component '{component}' is not of the form Name=Value.";
                return false;
            }

            var name = component[..equals].Trim();
            var componentValue = component[(equals + 1)..].Trim();
            switch (name)
            {
                case "Credential" when credential is null:
                    credential = componentValue;
                    break;
                case "SignedHeaders" when signedHeaders is null:
                    signedHeaders = componentValue;
                    break;
                case "Signature" when signature is null:
                    signature = componentValue;
                    break;
                case "Credential":
                case "SignedHeaders":
                case "Signature":
                    error = $"Authorization header has the '{name}' component more than once.";
                    return false;
                default:
                    error = $"Authorization header has unexpected component '{name}'; expected Credential, SignedHeaders and Signature.";
                    return false;
            }
        }

        if (credential is null)
        {
            error = "Authorization header is missing the 'Credential' component.";
            return false;
        }

        if (signedHeaders is null)
        {
            error = "Authorization header is missing the 'SignedHeaders' component.";
            return false;
        }

        if (signature is null)
        {
            error = "Authorization header is missing the 'Signature' component.";
            return false;
        }

        var scope = credential.Split('/');
        if (scope.Length != 5)
        {
            error = $"Authorization header Credential '{credential}' must have 5 parts: AccessKeyId/yyyyMMdd/region/service/aws4_request (found {scope.Length}).";
            return false;
        }

        string[] partNames = ["access key id", "date", "region", "service", "terminator"];
        for (var i = 0; i < scope.Length; i++)
        {
            if (scope[i].Length == 0)
            {
                error = $"Authorization header Credential '{credential}' has an empty {partNames[i]}.";
                return false;
            }
        }

        if (scope[1].Length != 8 || !IsAll(scope[1], static c => c >= '0' && c <= '9'))
        {
            error = $"Authorization header Credential date '{scope[1]}' is not of the form yyyyMMdd.";
            return false;
        }

        if (!string.Equals(scope[4], SigV4Signer.ScopeTerminator, StringComparison.Ordinal))
        {
            error = $"Authorization header Credential must end with '{SigV4Signer.ScopeTerminator}', not '{scope[4]}'.";
            return false;
        }

        if (signedHeaders.Length == 0)
        {
            error = "Authorization header SignedHeaders is empty.";
            return false;
        }

        var names = signedHeaders.Split(';');
        foreach (var name in names)
        {
            if (name.Length == 0 || !IsAll(name, static c => c > ' ' && c < 0x7F && c != ':' && !(c >= 'A' && c <= 'Z')))
            {
                error = $"Authorization header SignedHeaders '{signedHeaders}' contains an empty or invalid name (names must be lower-case and separated by ';').";
                return false;
            }
        }

        if (signature.Length != 64 || !IsAll(signature, static c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
        {
            error = "Authorization header Signature must be 64 lower-case hex characters.";
            return false;
        }

        header = new SigV4AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], names, signature);
        error = null;
        return true;
    }

    private static bool IsAll(string value, Func<char, bool> predicate)
    {
        foreach (var c in value)
        {
            if (!predicate(c))
            {
                return false;
            }
        }

        return true;
    }
}
