using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Retry;

namespace CloudTrailSdk.Runtime.Http;

/// <summary>
/// Sends one attempt: builds the awsJson POST, signs it afresh (a retry must carry a new date and signature), sends it
/// and reads the whole answer under the attempt's time limit. Failures come back as values so the retry loop decides.
/// </summary>
internal sealed class AttemptSender
{
    private static readonly MediaTypeHeaderValue JsonMediaType10 = MediaTypeHeaderValue.Parse(AwsJsonProtocol.ContentType10);
    private static readonly MediaTypeHeaderValue JsonMediaType11 = MediaTypeHeaderValue.Parse(AwsJsonProtocol.ContentType11);

    private readonly AwsServiceDescription _service;
    private readonly Uri _endpoint;
    private readonly Func<HttpClient> _http;
    private readonly IAwsCredentialsProvider _credentials;
    private readonly SigV4Signer _signer;
    private readonly TimeProvider _time;
    private readonly TimeSpan? _attemptTimeout;
    private readonly Func<AwsErrorResponse, Exception> _errorFactory;
    private readonly long _maxBodySize;

    public AttemptSender(
        AwsServiceDescription service,
        Uri endpoint,
        Func<HttpClient> http,
        IAwsCredentialsProvider credentials,
        SigV4Signer signer,
        TimeProvider time,
        TimeSpan? attemptTimeout,
        Func<AwsErrorResponse, Exception> errorFactory,
        long maxBodySize)
    {
        _maxBodySize = maxBodySize;
        _service = service;
        _endpoint = EndpointPath.ForOperation(endpoint);
        _http = http;
        _credentials = credentials;
        _signer = signer;
        _time = time;
        _attemptTimeout = attemptTimeout;
        _errorFactory = errorFactory;
    }

    /// <summary>
    /// One attempt. Throws only <see cref="OperationCanceledException"/> when <paramref name="callToken"/> (the caller's
    /// token or the total timeout) fired; every other failure is returned.
    /// </summary>
    public async Task<AttemptResult> SendAsync(string operation, byte[] body, CancellationToken callToken, OutgoingTraits traits = default)
    {
        using var attemptTimer = _attemptTimeout is { } limit ? new CancellationTokenSource(limit, _time) : null;
        using var linked = attemptTimer is null ? null : CancellationTokenSource.CreateLinkedTokenSource(callToken, attemptTimer.Token);
        var token = linked?.Token ?? callToken;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, traits.HostPrefix is { } prefix ? HostPrefix.Apply(_endpoint, prefix) : _endpoint);
            request.Headers.TryAddWithoutValidation(AwsJsonProtocol.TargetHeader, _service.TargetPrefix + "." + operation);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = _service.JsonVersion == "1.0" ? JsonMediaType10 : JsonMediaType11;
            if (traits.ContentEncoding is { } encoding)
            {
                request.Content.Headers.ContentEncoding.Add(encoding);
            }
            var credentials = await _credentials.GetCredentialsAsync(token).ConfigureAwait(false);
            _signer.Sign(request, body, credentials, _time.GetUtcNow());
            using var response = await _http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            var answer = await ResponseBody.ReadAsync(response.Content, _maxBodySize, operation, token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var requestId = RequestId(response);
            if (response.IsSuccessStatusCode)
            {
                return AttemptResult.Success(new RawResponse(new ResponseMetadata(requestId, status, Headers(response)), answer));
            }

            var error = AwsErrorParser.Parse(status, requestId, response.Headers, answer.ToArray());
            return AttemptResult.Failure(_errorFactory(error), RetryClassifier.Classify(error), status, error.Code, requestId);
        }
        catch (OperationCanceledException ex) when (!callToken.IsCancellationRequested)
        {
            // Neither the caller nor the total timeout: our attempt timer, or the HttpClient's own Timeout, fired.
            var ours = attemptTimer?.IsCancellationRequested == true;
            return AttemptResult.Failure(new AwsTimeoutException(operation, AwsTimeoutKind.Attempt, ours ? _attemptTimeout : null, ex), RetryReason.Timeout);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return AttemptResult.Failure(ex, RetryClassifier.Classify(ex));
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = values.ToArray();
        }

        foreach (var (name, values) in response.Content.Headers)
        {
            headers[name] = values.ToArray();
        }

        return headers;
    }

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues(AwsJsonProtocol.RequestIdHeader, out var values) ? values.FirstOrDefault() : null;
}
