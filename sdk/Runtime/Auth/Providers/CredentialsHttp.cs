using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Auth.Providers;

/// <summary>One HTTP exchange of a credentials source, with every transport failure turned into an <see cref="AwsCredentialsException"/> naming the source.</summary>
internal static class CredentialsHttp
{
    // One client per kind for the whole process, never disposed, as HttpClient is meant to be used; connections are
    // recycled so DNS changes are seen.
    private static readonly Lazy<HttpClient> RemoteClient = new(() => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));
    private static readonly Lazy<HttpClient> LocalClient = new(() => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), UseProxy = false }));

    /// <summary>For STS and the SSO portal: the system proxy applies.</summary>
    public static HttpClient Remote => RemoteClient.Value;

    /// <summary>For IMDS and the container endpoint, which are on the host or link-local: never through a proxy, as AWS SDKs do.</summary>
    public static HttpClient Local => LocalClient.Value;

    public static async Task<(int Status, byte[] Body)> SendAsync(HttpClient http, HttpRequestMessage request, string source, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        // Network timeouts run on the real clock: the client's TimeProvider may be a test's fake one that never moves.
        using var timer = timeout is { } limit ? new CancellationTokenSource(limit) : null;
        using var linked = timer is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var token = linked?.Token ?? cancellationToken;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
            return ((int)response.StatusCode, body);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var what = timer?.IsCancellationRequested == true
                ? "no answer within " + timeout!.Value.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s"
                : "the request timed out";
            throw new AwsCredentialsException(source, what + " (" + request.Method + " " + request.RequestUri + ").", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AwsCredentialsException(source, request.Method + " " + request.RequestUri + " failed: " + ex.Message, ex);
        }
    }

    /// <summary>A short, printable excerpt of an error body (error bodies hold codes and messages, never credentials).</summary>
    public static string Excerpt(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).Trim();
        return text.Length == 0 ? "(empty body)" : text;
    }
}
