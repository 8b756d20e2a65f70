using System;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Server;
using CloudTrailSdk.Server;

namespace CloudTrailSdk.Fake;

public sealed partial class FakeCloudTrailServer
{
    /// <summary>The header that names the operation of an awsJson call.</summary>
    public const string TargetHeader = "X-Amz-Target";

    /// <summary>
    /// Answers one HTTP request as CloudTrail would: reads the awsJson envelope (method, X-Amz-Target, SigV4 scope), runs the
    /// call, and shapes every failure as AWS does. Hosts (the in-process handler, Kestrel) only copy bytes in and out.
    /// </summary>
    public async Task<FakeHttpResponse> HandleAsync(FakeHttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
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

    // botocore and the AWS CLI send the model's full prefix (com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.Op);
    // Smithy-built SDKs (JavaScript v3) send only the service shape's name (CloudTrail_20131101.Op). CloudTrail takes both.
    private static string? OperationOf(string target)
    {
        var fullPrefix = CloudTrailServerBase.TargetPrefix + ".";
        var shortPrefix = CloudTrailServerBase.TargetPrefix.Substring(CloudTrailServerBase.TargetPrefix.LastIndexOf('.') + 1) + ".";
        return target.StartsWith(fullPrefix, StringComparison.Ordinal) ? target.Substring(fullPrefix.Length)
            : target.StartsWith(shortPrefix, StringComparison.Ordinal) ? target.Substring(shortPrefix.Length)
            : null;
    }

    private async Task<AwsServerResult> RouteAsync(FakeHttpRequest request, string requestId, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            throw new AwsServiceException("UnknownOperationException", "CloudTrail answers POST requests only, not " + request.Method + ".", 400, null);
        }

        var target = request.Header(TargetHeader);
        var operation = target is null ? null : OperationOf(target);
        if (operation is null)
        {
            throw new AwsServiceException("UnknownOperationException", target is null ? "The request has no X-Amz-Target header." : "Unknown X-Amz-Target '" + target + "'.", 400, null);
        }

        // Authentication comes before the operation is even looked up, as on AWS: an unsigned call learns nothing.
        var signature = Authenticator.Authenticate(request);
        await InjectFaultsAsync(cancellationToken).ConfigureAwait(false);
        var context = new AwsServerContext(operation, requestId)
        {
            Region = signature?.Region,
            AccessKeyId = signature?.AccessKeyId,
            UserAgent = request.Header("User-Agent"),
            SourceIpAddress = request.RemoteAddress ?? "127.0.0.1",
            ReceivedAt = TimeProvider.GetUtcNow(),
        };
        return await DispatchAsync(context.Operation, request.Body, context, cancellationToken).ConfigureAwait(false);
    }
}
