using System;
using System.Buffers;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Runtime.Serialization;
using CloudTrailSdk.Runtime.Validation;

namespace CloudTrailSdk.Runtime;

/// <summary>
/// The awsJson transport every generated client delegates to: validate, serialize, sign, POST, and turn the answer
/// into a response or a typed exception.
/// </summary>
public sealed class AwsJsonClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType10 = MediaTypeHeaderValue.Parse("application/x-amz-json-1.0");
    private static readonly MediaTypeHeaderValue JsonMediaType11 = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");

    private readonly AwsServiceDescription _service;
    private readonly AwsClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Func<AwsErrorResponse, Exception> _errorFactory;
    private readonly AwsCredentials _credentials;
    private readonly SigV4Signer _signer;

    /// <summary>Creates the transport; configuration is resolved here, so a missing region or key fails at construction.</summary>
    public AwsJsonClient(AwsServiceDescription service, AwsClientOptions options, HttpClient? httpClient, Func<AwsErrorResponse, Exception> errorFactory)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errorFactory);
        _service = service;
        _options = options;
        _errorFactory = errorFactory;
        _http = httpClient ?? new HttpClient();
        _ownsHttp = httpClient is null;
        Region = new RegionResolver(options.Environment, options.Profile).Resolve(options.Region);
        Endpoint = new EndpointResolver(options.Environment, service.ServiceId, service.EndpointPrefix, options.Profile).Resolve(Region, options.Endpoint);
        _credentials = new CredentialsResolver(options.Environment, options.Profile).Resolve(options.Credentials);
        _signer = new SigV4Signer(service.SigningName, Region);
    }

    /// <summary>The resolved region.</summary>
    public string Region { get; }

    /// <summary>The resolved endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>Calls an operation with input and output.</summary>
    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation, double rateLimit, TRequest request, AwsJsonWrite<TRequest> write, AwsValidate<TRequest> validate, AwsJsonRead<TResponse> read, CancellationToken cancellationToken)
    {
        var body = Prepare(operation, request, write, validate);
        using var response = await SendAsync(operation, body, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reader = new Utf8JsonReader(bytes.Length == 0 ? "{}"u8 : bytes);
            return read(ref reader);
        }
        catch (Exception ex) when (ex is JsonException or AwsJsonException or InvalidOperationException)
        {
            throw new AwsJsonException(operation + " answered with a body this client cannot read: " + ex.Message, 0);
        }
    }

    /// <summary>Calls an operation with input and no output.</summary>
    public async Task InvokeAsync<TRequest>(
        string operation, double rateLimit, TRequest request, AwsJsonWrite<TRequest> write, AwsValidate<TRequest> validate, CancellationToken cancellationToken)
    {
        var body = Prepare(operation, request, write, validate);
        using var response = await SendAsync(operation, body, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private byte[] Prepare<TRequest>(string operation, TRequest request, AwsJsonWrite<TRequest> write, AwsValidate<TRequest> validate)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_options.ValidateRequests)
        {
            var issues = new ValidationCollector();
            validate(request, issues, string.Empty);
            issues.ThrowIfInvalid(operation);
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, request);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private async Task<HttpResponseMessage> SendAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", _service.TargetPrefix + "." + operation);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = _service.JsonVersion == "1.0" ? JsonMediaType10 : JsonMediaType11;
        _signer.Sign(request, body, _credentials, _options.TimeProvider.GetUtcNow());
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw _errorFactory(AwsErrorParser.Parse((int)response.StatusCode, RequestId(response), response.Headers, bytes));
        }
    }

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var values) ? values.FirstOrDefault() : null;
}
