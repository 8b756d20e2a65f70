using System.Diagnostics;

namespace CloudTrailSdk.Runtime.Diagnostics;

/// <summary>
/// The SDK's tracing: one <see cref="Activity"/> per call (retries and pacing waits included), named
/// <c>{service}/{operation}</c> as OpenTelemetry's RPC conventions ask. With no listener, <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// returns null and nothing is allocated or tagged.
/// </summary>
public static class AwsDiagnostics
{
    /// <summary>The ActivitySource name to subscribe to (e.g. <c>AddSource("CloudTrailSdk")</c> in OpenTelemetry).</summary>
    public const string ActivitySourceName = "CloudTrailSdk";

    /// <summary>Tag: always <c>aws-api</c>.</summary>
    public const string RpcSystemTag = "rpc.system";

    /// <summary>Tag: the service id, e.g. <c>CloudTrail</c>.</summary>
    public const string RpcServiceTag = "rpc.service";

    /// <summary>Tag: the operation, e.g. <c>LookupEvents</c>.</summary>
    public const string RpcMethodTag = "rpc.method";

    /// <summary>Tag: the request id of the last response.</summary>
    public const string RequestIdTag = "aws.request_id";

    /// <summary>Tag: how many attempts the call made.</summary>
    public const string AttemptsTag = "aws.attempts";

    /// <summary>Tag: the HTTP status of the last response.</summary>
    public const string StatusCodeTag = "http.response.status_code";

    /// <summary>Tag: the error code or exception type of a failed call.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>Tag: the AWS region.</summary>
    public const string RegionTag = "aws.region";

    internal static readonly ActivitySource Source = new(ActivitySourceName, typeof(AwsDiagnostics).Assembly.GetName().Version?.ToString());
}
