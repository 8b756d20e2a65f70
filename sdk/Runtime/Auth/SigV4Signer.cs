using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Auth;

/// <summary>
/// Signs HTTP requests with AWS Signature Version 4 (<c>AWS4-HMAC-SHA256</c>), written from AWS's public specification.
/// The instance method <see cref="Sign(HttpRequestMessage, ReadOnlySpan{byte}, AwsCredentials, DateTimeOffset)"/> signs a request;
/// the static methods are the pure pieces of the algorithm (canonical request, string to sign, signing key, signature),
/// usable on plain inputs and shared with the server side's verifier (CloudTrailSdk.Runtime.Server).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SigV4Signer
{
    /// <summary>The algorithm name that prefixes the Authorization header and the string to sign.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The terminal element of every credential scope.</summary>
    public const string ScopeTerminator = "aws4_request";

    /// <summary>The payload-hash placeholder used when the body is deliberately not signed.</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>Header carrying the request time, <c>yyyyMMdd'T'HHmmss'Z'</c>.</summary>
    public const string AmzDateHeader = "X-Amz-Date";

    /// <summary>Header carrying the session token of temporary credentials.</summary>
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    /// <summary>Header carrying the hex SHA-256 of the payload.</summary>
    public const string ContentSha256Header = "X-Amz-Content-Sha256";

    /// <summary>The Authorization header name.</summary>
    public const string AuthorizationHeader = "Authorization";

    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const string DateStampFormat = "yyyyMMdd";

    private readonly SigV4SignerOptions _options;
    private readonly HashSet<string> _additionalSignedHeaders;

    /// <summary>Creates a signer for one service (its signing name, e.g. <c>cloudtrail</c>) in one region.</summary>
    /// <exception cref="ArgumentException"><paramref name="service"/> or <paramref name="region"/> is empty.</exception>
    public SigV4Signer(string service, string region, SigV4SignerOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(service))
        {
            throw new ArgumentException("The signing service name must not be empty.", nameof(service));
        }

        if (string.IsNullOrWhiteSpace(region))
        {
            throw new ArgumentException("The signing region must not be empty.", nameof(region));
        }

        Service = service;
        Region = region;
        _options = options ?? new SigV4SignerOptions();
        _additionalSignedHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in _options.AdditionalSignedHeaders)
        {
            _additionalSignedHeaders.Add(name);
        }
    }

    /// <summary>The service signing name used in the credential scope.</summary>
    public string Service { get; }

    /// <summary>The region used in the credential scope.</summary>
    public string Region { get; }

    /// <summary>
    /// Signs <paramref name="request"/> in place: sets <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> (when the credentials carry one),
    /// <c>X-Amz-Content-Sha256</c> (when <see cref="SigV4SignerOptions.IncludeContentSha256Header"/> is set) and <c>Authorization</c>,
    /// replacing any earlier values (so a retried request can be re-signed). A caller-set <c>X-Amz-Content-Sha256</c> (e.g. <c>UNSIGNED-PAYLOAD</c>)
    /// is used as the payload hash when the option is off.
    /// Signed headers: <c>host</c>, <c>content-type</c>, every <c>x-amz-*</c> header, and <see cref="SigV4SignerOptions.AdditionalSignedHeaders"/>.
    /// </summary>
    /// <param name="request">The request; its <see cref="HttpRequestMessage.RequestUri"/> must be absolute.</param>
    /// <param name="body">The exact bytes that will be sent as the body (empty for none).</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="signingTime">The signing time; pass <c>TimeProvider.GetUtcNow()</c>.</param>
    /// <returns>The intermediate values of the signature, for diagnostics.</returns>
    public SigV4SigningResult Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, AwsCredentials credentials, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("The request URI must be absolute to be signed.");
        }

        var headers = request.Headers;
        headers.Remove(AuthorizationHeader);
        headers.Remove(AmzDateHeader);
        headers.TryAddWithoutValidation(AmzDateHeader, FormatAmzDate(signingTime));
        if (credentials.SessionToken is not null)
        {
            // Replaced only when the credentials carry a token; a caller-set token header is otherwise left (and signed) as is.
            headers.Remove(SecurityTokenHeader);
            headers.TryAddWithoutValidation(SecurityTokenHeader, credentials.SessionToken);
        }

        string payloadHash;
        if (_options.IncludeContentSha256Header)
        {
            payloadHash = HashPayload(body);
            headers.Remove(ContentSha256Header);
            headers.TryAddWithoutValidation(ContentSha256Header, payloadHash);
        }
        else if (headers.NonValidated.TryGetValues(ContentSha256Header, out var existing) && existing.Count > 0)
        {
            // A caller-provided hash (e.g. UNSIGNED-PAYLOAD) is what the service will check against, so sign that.
            payloadHash = existing.ToString().Trim();
        }
        else
        {
            payloadHash = HashPayload(body);
        }

        var toSign = new List<KeyValuePair<string, string>>();
        var host = headers.Host;
        toSign.Add(new KeyValuePair<string, string>("host", string.IsNullOrEmpty(host) ? HostFromUri(uri) : host));
        CollectSignedHeaders(headers.NonValidated, toSign);
        if (request.Content is not null)
        {
            CollectSignedHeaders(request.Content.Headers.NonValidated, toSign);
        }

        var canonicalRequest = BuildCanonicalRequest(request.Method.Method, uri.AbsolutePath, uri.Query, toSign, payloadHash, _options.DoubleEncodePath);
        var signedHeaders = GetSignedHeaders(toSign);
        var stringToSign = BuildStringToSign(signingTime, Region, Service, canonicalRequest);
        var signingKey = DeriveSigningKey(credentials.SecretAccessKey, FormatDateStamp(signingTime), Region, Service);
        var signature = ComputeSignature(signingKey, stringToSign);
        var authorization = FormatAuthorization(credentials.AccessKeyId, FormatDateStamp(signingTime), Region, Service, signedHeaders, signature);
        headers.TryAddWithoutValidation(AuthorizationHeader, authorization);
        return new SigV4SigningResult(canonicalRequest, stringToSign, signedHeaders, signature, authorization);
    }

    /// <summary>
    /// Reads the request's content (buffering it) and signs the request with
    /// <see cref="Sign(HttpRequestMessage, ReadOnlySpan{byte}, AwsCredentials, DateTimeOffset)"/>.
    /// </summary>
    public async Task<SigV4SigningResult> SignAsync(HttpRequestMessage request, AwsCredentials credentials, DateTimeOffset signingTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null
            ? Array.Empty<byte>()
            : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return Sign(request, body, credentials, signingTime);
    }

    private void CollectSignedHeaders(System.Net.Http.Headers.HttpHeadersNonValidated source, List<KeyValuePair<string, string>> target)
    {
        foreach (var header in source)
        {
            var name = header.Key;
            if (ShouldSign(name))
            {
                foreach (var value in header.Value)
                {
                    target.Add(new KeyValuePair<string, string>(name, value));
                }
            }
        }
    }

    private bool ShouldSign(string headerName) =>
        headerName.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase)
        || headerName.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || _additionalSignedHeaders.Contains(headerName);

    /// <summary>The value an HTTP client sends as <c>Host</c> for <paramref name="uri"/>: lower-case host, port only when not the scheme's default.</summary>
    public static string HostFromUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var host = uri.IdnHost;
        if (uri.HostNameType == UriHostNameType.IPv6 && !host.StartsWith('['))
        {
            host = "[" + host + "]";
        }

        return uri.IsDefaultPort ? host : host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a time as SigV4's <c>X-Amz-Date</c> value, e.g. <c>20150830T123600Z</c> (converted to UTC).</summary>
    public static string FormatAmzDate(DateTimeOffset time) => time.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

    /// <summary>Formats a time as the credential-scope date, e.g. <c>20150830</c> (converted to UTC).</summary>
    public static string FormatDateStamp(DateTimeOffset time) => time.UtcDateTime.ToString(DateStampFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses an <c>X-Amz-Date</c> value (<c>yyyyMMdd'T'HHmmss'Z'</c>); <see langword="false"/> if it is malformed.</summary>
    public static bool TryParseAmzDate(string? value, out DateTimeOffset time)
    {
        if (value is not null
            && DateTime.TryParseExact(value, AmzDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
            return true;
        }

        time = default;
        return false;
    }

    /// <summary>The lower-case hex SHA-256 of a payload.</summary>
    public static string HashPayload(ReadOnlySpan<byte> payload) => ToHex(SHA256.HashData(payload));

    /// <summary>
    /// URI-encodes per SigV4: every byte of the UTF-8 form except the unreserved characters <c>A-Z a-z 0-9 - _ . ~</c>
    /// becomes <c>%XX</c> (upper-case hex); <c>/</c> is kept only when <paramref name="encodeSlash"/> is <see langword="false"/>.
    /// </summary>
    public static string UriEncode(string value, bool encodeSlash = true)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 8);
        var bytes = Encoding.UTF8.GetBytes(value);
        foreach (var b in bytes)
        {
            var c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~'
                || (c == '/' && !encodeSlash))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The canonical URI. <paramref name="path"/> is the path as sent on the wire (already percent-encoded, as <see cref="Uri.AbsolutePath"/> gives it).
    /// It is normalized (empty becomes <c>/</c>; <c>.</c>/<c>..</c> segments and repeated slashes are removed), then:
    /// with <paramref name="doubleEncode"/> (every service except S3) the wire form is URI-encoded once more, so <c>%20</c> becomes <c>%2520</c>;
    /// without it, each segment is decoded and encoded exactly once.
    /// </summary>
    public static string CanonicalizePath(string? path, bool doubleEncode = true)
    {
        var normalized = NormalizePath(path);
        if (doubleEncode)
        {
            return UriEncode(normalized, encodeSlash: false);
        }

        var segments = normalized.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = UriEncode(Uri.UnescapeDataString(segments[i]));
        }

        return string.Join('/', segments);
    }

    private static string NormalizePath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        var output = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                continue;
            }

            output.Add(segment);
        }

        var first = path[0] == '/' ? "/" : string.Empty;
        var last = path[^1] == '/' && output.Count > 0 ? "/" : string.Empty;
        return first + string.Join('/', output) + last;
    }

    /// <summary>
    /// The canonical query string from a wire-form query (with or without the leading <c>?</c>): each name and value is decoded and
    /// URI-encoded, a parameter without <c>=</c> gets an empty value, and parameters are sorted by encoded name, then encoded value (ordinal).
    /// </summary>
    public static string CanonicalizeQuery(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return string.Empty;
        }

        var text = query[0] == '?' ? query[1..] : query;
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in text.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new KeyValuePair<string, string>(UriEncode(Uri.UnescapeDataString(name)), UriEncode(Uri.UnescapeDataString(value))));
        }

        pairs.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Key, b.Key);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });

        var builder = new StringBuilder();
        foreach (var pair in pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(pair.Key).Append('=').Append(pair.Value);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The canonical headers block: names lower-cased and sorted (ordinal), values trimmed with inner whitespace runs collapsed to one space,
    /// repeated headers joined with <c>,</c> in their original order; each entry ends with a newline. Every header given is signed.
    /// </summary>
    public static string CanonicalizeHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var builder = new StringBuilder();
        foreach (var group in GroupHeaders(headers))
        {
            builder.Append(group.Key).Append(':').Append(string.Join(',', group.Value)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The <c>SignedHeaders</c> value: the distinct lower-cased header names, sorted (ordinal), joined with <c>;</c>.</summary>
    public static string GetSignedHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var names = new List<string>();
        foreach (var group in GroupHeaders(headers))
        {
            names.Add(group.Key);
        }

        return string.Join(';', names);
    }

    private static SortedDictionary<string, List<string>> GroupHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            var name = header.Key.Trim().ToLowerInvariant();
            if (!groups.TryGetValue(name, out var values))
            {
                values = new List<string>();
                groups.Add(name, values);
            }

            values.Add(TrimAll(header.Value ?? string.Empty));
        }

        return groups;
    }

    /// <summary>Trims a header value and collapses each inner run of whitespace (spaces, tabs, line breaks) to a single space.</summary>
    public static string TrimAll(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The canonical request:
    /// <c>METHOD \n canonical-path \n canonical-query \n canonical-headers \n signed-headers \n payload-hash</c>.
    /// <paramref name="path"/> and <paramref name="query"/> are in wire form (see <see cref="CanonicalizePath"/> and <see cref="CanonicalizeQuery"/>);
    /// every header in <paramref name="headers"/> is signed (include <c>host</c>).
    /// </summary>
    public static string BuildCanonicalRequest(
        string method,
        string? path,
        string? query,
        IEnumerable<KeyValuePair<string, string>> headers,
        string payloadHash,
        bool doubleEncodePath = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(payloadHash);
        var materialized = new List<KeyValuePair<string, string>>(headers);
        return string.Join(
            '\n',
            method.ToUpperInvariant(),
            CanonicalizePath(path, doubleEncodePath),
            CanonicalizeQuery(query),
            CanonicalizeHeaders(materialized),
            GetSignedHeaders(materialized),
            payloadHash);
    }

    /// <summary>The credential scope <c>yyyyMMdd/region/service/aws4_request</c>.</summary>
    public static string BuildCredentialScope(string dateStamp, string region, string service) =>
        dateStamp + "/" + region + "/" + service + "/" + ScopeTerminator;

    /// <summary>
    /// The string to sign: <c>AWS4-HMAC-SHA256 \n amz-date \n credential-scope \n hex(SHA-256(canonical request))</c>.
    /// </summary>
    public static string BuildStringToSign(DateTimeOffset signingTime, string region, string service, string canonicalRequest)
    {
        ArgumentNullException.ThrowIfNull(canonicalRequest);
        return Algorithm + "\n"
            + FormatAmzDate(signingTime) + "\n"
            + BuildCredentialScope(FormatDateStamp(signingTime), region, service) + "\n"
            + ToHex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
    }

    /// <summary>
    /// Derives the signing key: <c>kDate = HMAC("AWS4" + secret, date)</c>, <c>kRegion = HMAC(kDate, region)</c>,
    /// <c>kService = HMAC(kRegion, service)</c>, <c>kSigning = HMAC(kService, "aws4_request")</c>.
    /// </summary>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="dateStamp">The scope date, <c>yyyyMMdd</c>.</param>
    /// <param name="region">The scope region.</param>
    /// <param name="service">The scope service.</param>
    public static byte[] DeriveSigningKey(string secretAccessKey, string dateStamp, string region, string service)
    {
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        ArgumentNullException.ThrowIfNull(dateStamp);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(service);
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(dateStamp));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, Encoding.UTF8.GetBytes(ScopeTerminator));
    }

    /// <summary>The signature: lower-case hex of <c>HMAC-SHA256(signingKey, stringToSign)</c>.</summary>
    public static string ComputeSignature(ReadOnlySpan<byte> signingKey, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        return ToHex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>The Authorization header value: <c>AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c>.</summary>
    public static string FormatAuthorization(string accessKeyId, string dateStamp, string region, string service, string signedHeaders, string signature) =>
        Algorithm + " Credential=" + accessKeyId + "/" + BuildCredentialScope(dateStamp, region, service)
        + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;

    private static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}

/// <summary>Options for <see cref="SigV4Signer"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SigV4SignerOptions
{
    /// <summary>Also send and sign <c>X-Amz-Content-Sha256</c>. Off by default: awsJson services such as CloudTrail do not need it.</summary>
    public bool IncludeContentSha256Header { get; init; }

    /// <summary>URI-encode the (already encoded) path a second time, as every service except S3 requires. On by default.</summary>
    public bool DoubleEncodePath { get; init; } = true;

    /// <summary>Further header names to sign (case-insensitive), beyond <c>host</c>, <c>content-type</c> and <c>x-amz-*</c>.</summary>
    public IReadOnlyCollection<string> AdditionalSignedHeaders { get; init; } = Array.Empty<string>();
}

/// <summary>The intermediate and final values of one signature, for diagnostics and tests.</summary>
/// <param name="CanonicalRequest">The canonical request that was hashed.</param>
/// <param name="StringToSign">The string that was signed.</param>
/// <param name="SignedHeaders">The <c>SignedHeaders</c> list.</param>
/// <param name="Signature">The hex signature.</param>
/// <param name="Authorization">The full Authorization header value.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record SigV4SigningResult(string CanonicalRequest, string StringToSign, string SignedHeaders, string Signature, string Authorization);
