using System.ComponentModel;

namespace CloudTrailSdk.Runtime;

/// <summary>
/// The names AWS's JSON protocol puts on the wire. The client and every server read them from here, so the two sides
/// cannot disagree on a header's spelling.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AwsJsonProtocol
{
    /// <summary>The header that names the operation: <c>Prefix.Operation</c>.</summary>
    public const string TargetHeader = "X-Amz-Target";

    /// <summary>The header that carries the request id on every answer.</summary>
    public const string RequestIdHeader = "x-amzn-RequestId";

    /// <summary>The header some services use for the error code instead of <c>__type</c>.</summary>
    public const string ErrorTypeHeader = "X-Amzn-ErrorType";

    /// <summary>The content type of awsJson 1.0 bodies.</summary>
    public const string ContentType10 = "application/x-amz-json-1.0";

    /// <summary>The content type of awsJson 1.1 bodies.</summary>
    public const string ContentType11 = "application/x-amz-json-1.1";

    /// <summary>The content type for a protocol version from the model (<c>1.0</c> or <c>1.1</c>).</summary>
    public static string ContentType(string jsonVersion) => jsonVersion == "1.0" ? ContentType10 : ContentType11;
}
