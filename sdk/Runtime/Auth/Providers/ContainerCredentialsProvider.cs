using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Auth.Providers;

/// <summary>
/// The container credentials endpoint of ECS (<c>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI</c>) and EKS Pod Identity
/// (<c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c> with an authorization token, read from its file on every fetch because
/// EKS rotates it).
/// </summary>
internal sealed class ContainerCredentialsProvider : RefreshingCredentialsProvider
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly Uri _uri;
    private readonly string? _token;
    private readonly string? _tokenFile;
    private readonly HttpClient _http;

    public ContainerCredentialsProvider(Uri uri, string? token, string? tokenFile, HttpClient http, TimeProvider time)
        : base(time)
    {
        _uri = uri;
        _token = token;
        _tokenFile = tokenFile;
        _http = http;
    }

    public string Source => "container credentials endpoint (" + _uri + ")";

    protected override async Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _uri);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        var token = _tokenFile is not null ? ReadTokenFile(_tokenFile) : _token;
        if (token is not null)
        {
            if (token.Contains('\r') || token.Contains('\n'))
            {
                throw new AwsCredentialsException(Source, "the authorization token contains a line break.");
            }

            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        var (status, body) = await CredentialsHttp.SendAsync(_http, request, Source, Timeout, cancellationToken).ConfigureAwait(false);
        if (status is < 200 or > 299)
        {
            throw new AwsCredentialsException(Source, "HTTP " + status + ": " + CredentialsHttp.Excerpt(body));
        }

        return CredentialsJson.Parse(body, Source);
    }

    public override string ToString() => "ContainerCredentialsProvider { " + _uri + " }";

    private string ReadTokenFile(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AwsCredentialsException(Source, "could not read the authorization token file " + path + ": " + ex.Message, ex);
        }
    }
}
