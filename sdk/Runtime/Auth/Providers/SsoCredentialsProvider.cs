using System;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Auth.Providers;

/// <summary>
/// IAM Identity Center (SSO) profiles: the access token that <c>aws sso login</c> left in <c>~/.aws/sso/cache</c>
/// (file name: SHA-1 of the <c>sso_session</c> name, or of the start URL for legacy profiles) is exchanged at the SSO
/// portal (<c>GET /federation/credentials</c>, a REST-JSON call written here to keep the runtime free of the AWS SDK)
/// for role credentials. An expired token is not refreshed here: the error says to run <c>aws sso login</c>.
/// </summary>
internal sealed class SsoCredentialsProvider : RefreshingCredentialsProvider
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Uri _portal;
    private readonly string _cacheFile;
    private readonly string _accountId;
    private readonly string _roleName;
    private readonly string _profile;
    private readonly string _loginHint;
    private readonly HttpClient _http;

    public SsoCredentialsProvider(Uri portal, string cacheFile, string accountId, string roleName, string profile, string loginHint, HttpClient http, TimeProvider time)
        : base(time)
    {
        _portal = portal;
        _cacheFile = cacheFile;
        _accountId = accountId;
        _roleName = roleName;
        _profile = profile;
        _loginHint = loginHint;
        _http = http;
    }

    public string Source => "SSO profile '" + _profile + "' (account " + _accountId + ", role " + _roleName + ")";

    public override string ToString() => "SsoCredentialsProvider { profile = " + _profile + " }";

    /// <summary>The cache file name for a session name or start URL: lower-case hex SHA-1 of its UTF-8 bytes, plus <c>.json</c>.</summary>
    public static string CacheFileName(string key) =>
#pragma warning disable CA5350 // SHA-1 names a cache file as every AWS tool does; it protects nothing.
        Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant() + ".json";
#pragma warning restore CA5350

    protected override async Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var token = await ReadTokenAsync(cancellationToken).ConfigureAwait(false);
        var uri = new Uri(
            new Uri(_portal.AbsoluteUri.EndsWith('/') ? _portal.AbsoluteUri : _portal.AbsoluteUri + "/"),
            "federation/credentials?account_id=" + Uri.EscapeDataString(_accountId) + "&role_name=" + Uri.EscapeDataString(_roleName));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("x-amz-sso_bearer_token", token);
        var (status, body) = await CredentialsHttp.SendAsync(_http, request, Source, Timeout, cancellationToken).ConfigureAwait(false);
        if (status == 401 || status == 403)
        {
            throw new AwsCredentialsException(Source, "the SSO portal refused the cached token (HTTP " + status + "); run 'aws sso login" + _loginHint + "'.");
        }

        if (status is < 200 or > 299)
        {
            throw new AwsCredentialsException(Source, "the SSO portal answered HTTP " + status + ": " + CredentialsHttp.Excerpt(body));
        }

        return ReadRoleCredentials(body);
    }

    private async Task<string> ReadTokenAsync(CancellationToken cancellationToken)
    {
        byte[] json;
        try
        {
            json = await File.ReadAllBytesAsync(_cacheFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AwsCredentialsException(Source, "no cached SSO token at " + _cacheFile + "; run 'aws sso login" + _loginHint + "'.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AwsCredentialsException(Source, "could not read the SSO token cache " + _cacheFile + ": " + ex.Message, ex);
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var token = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("accessToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var expiresAt = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("expiresAt", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            if (string.IsNullOrEmpty(token) || expiresAt is null)
            {
                throw new AwsCredentialsException(Source, "the SSO token cache " + _cacheFile + " has no accessToken or expiresAt; run 'aws sso login" + _loginHint + "'.");
            }

            if (CredentialsJson.ParseTime(expiresAt, Source, "expiresAt") <= TimeProvider.GetUtcNow())
            {
                throw new AwsCredentialsException(Source, "the cached SSO token expired at " + expiresAt + "; run 'aws sso login" + _loginHint + "'.");
            }

            return token;
        }
        catch (JsonException ex)
        {
            throw new AwsCredentialsException(Source, "the SSO token cache " + _cacheFile + " is not JSON (" + ex.Message + ").");
        }
    }

    private AwsCredentials ReadRoleCredentials(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("roleCredentials", out var role)
                || role.ValueKind != JsonValueKind.Object)
            {
                throw new AwsCredentialsException(Source, "the SSO portal's answer has no roleCredentials.");
            }

            var keyId = Text(role, "accessKeyId") ?? throw new AwsCredentialsException(Source, "the SSO portal's answer has no accessKeyId.");
            var secret = Text(role, "secretAccessKey") ?? throw new AwsCredentialsException(Source, "the SSO portal's answer has no secretAccessKey.");
            DateTimeOffset? expiration = role.TryGetProperty("expiration", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : null;
            return new AwsCredentials(keyId, secret, Text(role, "sessionToken"), expiration);
        }
        catch (JsonException ex)
        {
            throw new AwsCredentialsException(Source, "the SSO portal's answer is not JSON (" + ex.Message + ").");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
