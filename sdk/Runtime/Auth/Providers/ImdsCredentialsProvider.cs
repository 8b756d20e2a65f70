using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Auth.Providers;

/// <summary>
/// EC2 instance metadata, version 2 only: a session token from <c>PUT /latest/api/token</c>, then the role name and
/// its credentials from <c>/latest/meta-data/iam/security-credentials/</c>. Each request has a short timeout so the
/// last link of the chain fails fast off EC2.
/// </summary>
internal sealed class ImdsCredentialsProvider : RefreshingCredentialsProvider
{
    public const string DefaultEndpoint = "http://169.254.169.254";
    private const string TokenPath = "latest/api/token";
    private const string CredentialsPath = "latest/meta-data/iam/security-credentials/";
    private const int TokenTtlSeconds = 21600;

    private readonly Uri _endpoint;
    private readonly TimeSpan _timeout;
    private readonly int _attempts;
    private readonly HttpClient _http;
    private readonly IReadOnlyList<string>? _chainAttempts;

    public ImdsCredentialsProvider(Uri endpoint, TimeSpan timeout, int attempts, HttpClient http, TimeProvider time, IReadOnlyList<string>? chainAttempts)
        : base(time)
    {
        _endpoint = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        _timeout = timeout;
        _attempts = attempts;
        _http = http;
        _chainAttempts = chainAttempts;
    }

    public string Source => "IMDSv2 (" + _endpoint + ")";

    public override string ToString() => "ImdsCredentialsProvider { " + _endpoint + " }";

    protected override async Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await FetchOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AwsCredentialsException ex) when (attempt < _attempts)
            {
                _ = ex; // transient metadata-service hiccups are retried up to AWS_METADATA_SERVICE_NUM_ATTEMPTS times
            }
            catch (AwsCredentialsException ex) when (_chainAttempts is not null)
            {
                // IMDS is the chain's last resort: say what else was tried, or "connection refused" alone misleads.
                throw new AwsCredentialsException(Source, ex.Reason, _chainAttempts, ex);
            }
        }
    }

    private async Task<AwsCredentials> FetchOnceAsync(CancellationToken cancellationToken)
    {
        string token;
        using (var put = new HttpRequestMessage(HttpMethod.Put, new Uri(_endpoint, TokenPath)))
        {
            put.Headers.TryAddWithoutValidation("X-aws-ec2-metadata-token-ttl-seconds", TokenTtlSeconds.ToString(CultureInfo.InvariantCulture));
            var (status, body) = await CredentialsHttp.SendAsync(_http, put, Source, _timeout, cancellationToken).ConfigureAwait(false);
            if (status != 200)
            {
                throw new AwsCredentialsException(Source, "the session token request answered HTTP " + status + " (IMDSv2 disabled or hop limit too low?).");
            }

            token = Encoding.UTF8.GetString(body).Trim();
        }

        var roles = Encoding.UTF8.GetString(await GetAsync(CredentialsPath, token, "the role list", cancellationToken).ConfigureAwait(false));
        var role = roles.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } names
            ? names[0]
            : throw new AwsCredentialsException(Source, "the instance has no IAM role attached.");
        var document = await GetAsync(CredentialsPath + Uri.EscapeDataString(role), token, "the credentials of role '" + role + "'", cancellationToken).ConfigureAwait(false);
        return CredentialsJson.Parse(document, Source + ", role '" + role + "'");
    }

    private async Task<byte[]> GetAsync(string path, string token, string what, CancellationToken cancellationToken)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint, path));
        get.Headers.TryAddWithoutValidation("X-aws-ec2-metadata-token", token);
        var (status, body) = await CredentialsHttp.SendAsync(_http, get, Source, _timeout, cancellationToken).ConfigureAwait(false);
        return status == 200 ? body : throw new AwsCredentialsException(Source, "reading " + what + " answered HTTP " + status + ".");
    }
}
