using System;
using System.Buffers;
using System.ComponentModel;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Runtime.Http;
using CloudTrailSdk.Runtime.Pacing;
using CloudTrailSdk.Runtime.Retry;
using CloudTrailSdk.Runtime.Serialization;
using CloudTrailSdk.Runtime.Validation;

namespace CloudTrailSdk.Runtime;

/// <summary>
/// The awsJson transport every generated client delegates to: validate, serialize, then (in <see cref="CallPipeline"/>)
/// pace, sign, POST and retry, and finally turn the answer into a response or a typed exception.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsJsonClient : IDisposable
{
    private readonly HttpClient? _ownedHttp;
    private readonly bool _validate;
    private readonly CallPipeline _pipeline;
    private readonly RequestCompressionSettings _compression;
    private readonly bool _injectHostPrefix;

    /// <summary>
    /// Creates the transport; configuration (region, endpoint, credentials, <c>AWS_MAX_ATTEMPTS</c>) is resolved here, so
    /// a missing or malformed setting fails at construction rather than on the first call.
    /// </summary>
    public AwsJsonClient(AwsServiceDescription service, AwsClientOptions options, HttpClient? httpClient, Func<AwsErrorResponse, Exception> errorFactory)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errorFactory);
        Region = new RegionResolver(options.Environment, options.Profile).Resolve(options.Region);
        Endpoint = new EndpointResolver(options.Environment, service.ServiceId, service.EndpointPrefix, options.Profile).Resolve(Region, options.Endpoint);
        var time = options.TimeProvider ?? TimeProvider.System;
        var credentials = options.CredentialsProvider
            ?? new CredentialsResolver(options.Environment, options.Profile) { Region = Region, TimeProvider = time, MfaTokenCode = options.MfaTokenCode }.Resolve(options.Credentials);
        var retry = (options.Retry ?? new AwsRetryOptions()).Clone();
        MaxAttempts = ResolveMaxAttempts(retry, options.Environment);
        RetryMode = retry.Mode
            ?? ConfigValue.ParseRetryMode(options.Environment.GetVariable(ConfigValue.RetryModeVariable), ConfigValue.RetryModeVariable)
            ?? ConfigValue.ParseRetryMode(new SharedConfigFiles(options.Environment, options.Profile).GetConfigValue("retry_mode", out _), "retry_mode of the profile")
            ?? AwsRetryMode.Standard;
        AttemptTimeout = CheckTimeout(options.AttemptTimeout, nameof(options.AttemptTimeout));
        Timeout = CheckTimeout(options.Timeout, nameof(options.Timeout));
        _validate = options.ValidateRequests;
        MaxResponseBodySize = options.MaxResponseBodySize is > 0 and <= AwsClientOptions.LargestResponseBodySize
            ? options.MaxResponseBodySize
            : throw new ArgumentOutOfRangeException(
                nameof(options.MaxResponseBodySize), options.MaxResponseBodySize, "The response body limit must be between 1 byte and " + AwsClientOptions.LargestResponseBodySize + " bytes.");

        _compression = RequestCompressionSettings.Resolve(options.DisableRequestCompression, options.RequestMinCompressionSizeBytes, options.Environment, options.Profile);
        _injectHostPrefix = !options.DisableHostPrefixInjection;

        Func<HttpClient> http;
        if (httpClient is not null)
        {
            http = () => httpClient;
        }
        else if (options.HttpClientFactory is { } factory)
        {
            http = factory;
        }
        else
        {
            var owned = _ownedHttp = new HttpClient();
            http = () => owned;
        }

        var sender = new AttemptSender(service, Endpoint, http, credentials, new SigV4Signer(service.SigningName, Region), time, AttemptTimeout, errorFactory, MaxResponseBodySize);
        _pipeline = new CallPipeline(service.ServiceId, Region, sender, new OperationPacer(options.Pacing ?? AwsPacing.ModelRate, time), retry, MaxAttempts, Timeout, time, options.Log,
            RetryMode == AwsRetryMode.Adaptive ? new AdaptiveRateLimiter(time) : null);
    }

    /// <summary>The resolved region.</summary>
    public string Region { get; }

    /// <summary>The resolved endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>Attempts per call, the first included: the options, else <c>AWS_MAX_ATTEMPTS</c>, else 3.</summary>
    public int MaxAttempts { get; }

    /// <summary>The retry mode: the options, else <c>AWS_RETRY_MODE</c>, else the profile's <c>retry_mode</c>, else standard.</summary>
    public AwsRetryMode RetryMode { get; }

    /// <summary>The largest response body accepted, in bytes.</summary>
    public long MaxResponseBodySize { get; }

    /// <summary>The per-attempt limit, if any.</summary>
    public TimeSpan? AttemptTimeout { get; }

    /// <summary>The whole-call limit, if any.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>Whether request compression is off: the options, <c>AWS_DISABLE_REQUEST_COMPRESSION</c>, then the profile.</summary>
    public bool RequestCompressionDisabled => _compression.Disabled;

    /// <summary>The smallest body compressed: the options, <c>AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES</c>, the profile, else 10240.</summary>
    public int RequestMinCompressionSizeBytes => _compression.MinSizeBytes;

    /// <summary>The retry quota's balance; exposed to tests.</summary>
    internal int RetryQuotaAvailable => _pipeline.QuotaAvailable;

    /// <summary>Calls an operation with input and output.</summary>
    /// <param name="operation">The operation name, as in X-Amz-Target.</param>
    /// <param name="rateLimit">The model's documented rate in requests/s (0: not rate-limited); used for pacing.</param>
    /// <param name="request">The request.</param>
    /// <param name="write">Writes the request body.</param>
    /// <param name="validate">Checks the request against the model.</param>
    /// <param name="read">Reads the response body.</param>
    /// <param name="cancellationToken">Cancels the call, its pacing wait, attempts and backoffs.</param>
    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation, double rateLimit, TRequest request, AwsJsonWrite<TRequest> write, AwsValidate<TRequest> validate, AwsJsonRead<TResponse> read, CancellationToken cancellationToken)
    {
        var body = Prepare(operation, request, write, validate);
        var response = await _pipeline.SendAsync(operation, rateLimit, body, cancellationToken).ConfigureAwait(false);
        return ResponseReader.Read(operation, response, read);
    }

    /// <summary>Calls an operation with input and no output.</summary>
    /// <param name="operation">The operation name, as in X-Amz-Target.</param>
    /// <param name="rateLimit">The model's documented rate in requests/s (0: not rate-limited); used for pacing.</param>
    /// <param name="request">The request.</param>
    /// <param name="write">Writes the request body.</param>
    /// <param name="validate">Checks the request against the model.</param>
    /// <param name="cancellationToken">Cancels the call, its pacing wait, attempts and backoffs.</param>
    public async Task InvokeAsync<TRequest>(
        string operation, double rateLimit, TRequest request, AwsJsonWrite<TRequest> write, AwsValidate<TRequest> validate, CancellationToken cancellationToken)
    {
        var body = Prepare(operation, request, write, validate);
        await _pipeline.SendAsync(operation, rateLimit, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Calls an operation that takes no input; the body sent is an empty JSON object, as AWS expects.</summary>
    /// <param name="operation">The operation name, as in X-Amz-Target.</param>
    /// <param name="rateLimit">The model's documented rate in requests/s (0: not rate-limited); used for pacing.</param>
    /// <param name="read">Reads the response body.</param>
    /// <param name="cancellationToken">Cancels the call, its pacing wait, attempts and backoffs.</param>
    public async Task<TResponse> InvokeAsync<TResponse>(string operation, double rateLimit, AwsJsonRead<TResponse> read, CancellationToken cancellationToken)
    {
        var response = await _pipeline.SendAsync(operation, rateLimit, EmptyObject(), cancellationToken).ConfigureAwait(false);
        return ResponseReader.Read(operation, response, read);
    }

    /// <summary>Calls an operation with neither input nor output.</summary>
    /// <param name="operation">The operation name, as in X-Amz-Target.</param>
    /// <param name="rateLimit">The model's documented rate in requests/s (0: not rate-limited); used for pacing.</param>
    /// <param name="cancellationToken">Cancels the call, its pacing wait, attempts and backoffs.</param>
    public async Task InvokeAsync(string operation, double rateLimit, CancellationToken cancellationToken) =>
        await _pipeline.SendAsync(operation, rateLimit, EmptyObject(), cancellationToken).ConfigureAwait(false);

    /// <summary>Calls an operation with input and output whose model sets a host prefix or request compression.</summary>
    /// <param name="operation">The operation name, as in X-Amz-Target.</param>
    /// <param name="rateLimit">The model's documented rate in requests/s (0: not rate-limited); used for pacing.</param>
    /// <param name="request">The request.</param>
    /// <param name="write">Writes the request body.</param>
    /// <param name="validate">Checks the request against the model.</param>
    /// <param name="read">Reads the response body.</param>
    /// <param name="traits">The operation's host prefix and compression.</param>
    /// <param name="hostLabels">Reads the request's host-label members; null when the prefix has no placeholders.</param>
    /// <param name="cancellationToken">Cancels the call, its pacing wait, attempts and backoffs.</param>
    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation, double rateLimit, TRequest request, AwsJsonWrite<TRequest> write, AwsValidate<TRequest> validate, AwsJsonRead<TResponse> read,
        AwsRequestTraits traits, AwsHostLabels<TRequest>? hostLabels, CancellationToken cancellationToken)
    {
        var body = Prepare(operation, request, write, validate);
        var (sent, outgoing) = Shape(operation, body, traits, hostLabels is null ? null : hostLabels(request));
        var response = await _pipeline.SendAsync(operation, rateLimit, sent, cancellationToken, outgoing).ConfigureAwait(false);
        return ResponseReader.Read(operation, response, read);
    }

    /// <summary>Calls an operation with input and no output whose model sets a host prefix or request compression.</summary>
    /// <param name="operation">The operation name, as in X-Amz-Target.</param>
    /// <param name="rateLimit">The model's documented rate in requests/s (0: not rate-limited); used for pacing.</param>
    /// <param name="request">The request.</param>
    /// <param name="write">Writes the request body.</param>
    /// <param name="validate">Checks the request against the model.</param>
    /// <param name="traits">The operation's host prefix and compression.</param>
    /// <param name="hostLabels">Reads the request's host-label members; null when the prefix has no placeholders.</param>
    /// <param name="cancellationToken">Cancels the call, its pacing wait, attempts and backoffs.</param>
    public async Task InvokeAsync<TRequest>(
        string operation, double rateLimit, TRequest request, AwsJsonWrite<TRequest> write, AwsValidate<TRequest> validate,
        AwsRequestTraits traits, AwsHostLabels<TRequest>? hostLabels, CancellationToken cancellationToken)
    {
        var body = Prepare(operation, request, write, validate);
        var (sent, outgoing) = Shape(operation, body, traits, hostLabels is null ? null : hostLabels(request));
        await _pipeline.SendAsync(operation, rateLimit, sent, cancellationToken, outgoing).ConfigureAwait(false);
    }

    /// <summary>Calls an operation with no input whose model sets a host prefix or request compression.</summary>
    /// <param name="operation">The operation name, as in X-Amz-Target.</param>
    /// <param name="rateLimit">The model's documented rate in requests/s (0: not rate-limited); used for pacing.</param>
    /// <param name="read">Reads the response body.</param>
    /// <param name="traits">The operation's host prefix and compression.</param>
    /// <param name="cancellationToken">Cancels the call, its pacing wait, attempts and backoffs.</param>
    public async Task<TResponse> InvokeAsync<TResponse>(string operation, double rateLimit, AwsJsonRead<TResponse> read, AwsRequestTraits traits, CancellationToken cancellationToken)
    {
        var (sent, outgoing) = Shape(operation, EmptyObject(), traits, null);
        var response = await _pipeline.SendAsync(operation, rateLimit, sent, cancellationToken, outgoing).ConfigureAwait(false);
        return ResponseReader.Read(operation, response, read);
    }

    /// <summary>Calls an operation with neither input nor output whose model sets a host prefix or request compression.</summary>
    /// <param name="operation">The operation name, as in X-Amz-Target.</param>
    /// <param name="rateLimit">The model's documented rate in requests/s (0: not rate-limited); used for pacing.</param>
    /// <param name="traits">The operation's host prefix and compression.</param>
    /// <param name="cancellationToken">Cancels the call, its pacing wait, attempts and backoffs.</param>
    public async Task InvokeAsync(string operation, double rateLimit, AwsRequestTraits traits, CancellationToken cancellationToken)
    {
        var (sent, outgoing) = Shape(operation, EmptyObject(), traits, null);
        await _pipeline.SendAsync(operation, rateLimit, sent, cancellationToken, outgoing).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => _ownedHttp?.Dispose();

    private (byte[] Body, OutgoingTraits Traits) Shape(string operation, byte[] body, AwsRequestTraits traits, AwsHostLabel[]? labels)
    {
        ArgumentNullException.ThrowIfNull(traits);
        var prefix = _injectHostPrefix && traits.HostPrefix is { } template ? HostPrefix.Expand(operation, template, labels) : null;
        var (sent, encoding) = RequestCompression.Apply(body, traits.RequestCompression, _compression);
        return (sent, new OutgoingTraits(prefix, encoding));
    }

    private static byte[] EmptyObject() => "{}"u8.ToArray();

    private byte[] Prepare<TRequest>(string operation, TRequest request, AwsJsonWrite<TRequest> write, AwsValidate<TRequest> validate)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_validate)
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

    private static int ResolveMaxAttempts(AwsRetryOptions retry, IEnvironment environment)
    {
        if (retry.MaxAttempts is { } explicitValue)
        {
            return explicitValue >= 1
                ? explicitValue
                : throw new ArgumentOutOfRangeException(nameof(AwsClientOptions.Retry) + "." + nameof(AwsRetryOptions.MaxAttempts), explicitValue, "At least 1 attempt is needed.");
        }

        return ConfigValue.ReadInt32(environment, ConfigValue.MaxAttemptsVariable, minValue: 1) ?? AwsRetryOptions.DefaultMaxAttempts;
    }

    private static TimeSpan? CheckTimeout(TimeSpan? value, string name)
    {
        if (value is not { } limit || limit == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        return limit > TimeSpan.Zero ? limit : throw new ArgumentOutOfRangeException(name, limit, "A timeout must be positive (or Timeout.InfiniteTimeSpan for none).");
    }
}
