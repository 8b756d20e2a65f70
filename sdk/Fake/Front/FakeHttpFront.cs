using System;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Fake;

/// <summary>
/// The fake's HTTP front: what AWS's front end does before a call reaches the service. It enforces the body limit,
/// reads the awsJson envelope, authenticates, resolves the account, throttles, injects faults, and shapes every failure
/// as AWS does. Hosts (the in-process handler, Kestrel) only copy bytes in and out; behaviour lives behind
/// <see cref="IAwsJsonService"/>.
/// </summary>
internal sealed class FakeHttpFront
{
    private readonly IAwsJsonService _service;
    private readonly FakeCloudTrailOptions _options;
    private readonly FakeAuthenticator _authenticator;
    private readonly RateLimitEmulator _rateLimits;
    private readonly FaultInjector _faults;

    public FakeHttpFront(IAwsJsonService service, FakeCloudTrailOptions options)
    {
        _service = service;
        _options = options;
        _authenticator = new FakeAuthenticator(options);
        _rateLimits = new RateLimitEmulator(options.TimeProvider);
        _faults = new FaultInjector(options.Faults, options.TimeProvider);
    }

    public string ContentType => AwsJsonProtocol.ContentType(_service.JsonVersion);

    public async Task<FakeHttpResponse> HandleAsync(FakeHttpRequest request, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString();
        AwsServerResult result;
        try
        {
            result = await RouteAsync(request, requestId, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            result = AwsServerDispatch.Error(ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only a bug in the fake gets here (bad input is a 4xx before it); answer as AWS answers its own faults, so a
            // client reports the failure instead of choking on a framework error page.
            result = AwsServerDispatch.Error(new AwsServiceException("InternalFailure", "The fake failed: " + ex.Message, 500, null));
        }

        return new FakeHttpResponse(result.StatusCode, result.Body, requestId, result.ErrorCode);
    }

    /// <summary>The answer to a body over the limit, for hosts whose transport refuses it before the front sees it.</summary>
    public static FakeHttpResponse TooLarge(long limit) =>
        FromError(new AwsServiceException(
            "RequestEntityTooLargeException",
            "The request body is larger than this fake accepts (" + limit + " bytes; set MaxRequestBodyBytes or --max-body-bytes to change it).",
            413,
            null));

    private static FakeHttpResponse FromError(AwsServiceException error)
    {
        var result = AwsServerDispatch.Error(error);
        return new FakeHttpResponse(result.StatusCode, result.Body, Guid.NewGuid().ToString(), result.ErrorCode);
    }

    private async Task<AwsServerResult> RouteAsync(FakeHttpRequest request, string requestId, CancellationToken cancellationToken)
    {
        if (request.Body.Length > _options.MaxRequestBodyBytes)
        {
            var tooLarge = TooLarge(_options.MaxRequestBodyBytes);
            return new AwsServerResult(tooLarge.StatusCode, tooLarge.Body, tooLarge.ErrorCode);
        }

        var operation = AwsJsonEnvelope.OperationOf(request.Method, request.Header(AwsJsonProtocol.TargetHeader), _service.TargetPrefix);

        // Authentication comes before the operation is even looked up, as on AWS: an unsigned call learns nothing.
        var signature = _authenticator.Authenticate(request);
        var context = new AwsServerContext(operation, requestId)
        {
            Region = signature?.Region,
            AccessKeyId = signature?.AccessKeyId,
            AccountId = signature?.AccessKeyId is { } key && _options.Accounts.TryGetValue(key, out var account) ? account : _options.DefaultAccountId,
            UserAgent = request.Header("User-Agent"),
            SourceIpAddress = request.RemoteAddress ?? "127.0.0.1",
            ReceivedAt = _options.TimeProvider.GetUtcNow(),
        };
        if (_options.EmulateThrottling)
        {
            _rateLimits.Admit(CallScope.Of(context, _options), operation, _service.RateLimitOf(operation));
        }

        await _faults.InjectAsync(cancellationToken).ConfigureAwait(false);
        return await _service.DispatchAsync(operation, request.Body, context, cancellationToken).ConfigureAwait(false);
    }
}
