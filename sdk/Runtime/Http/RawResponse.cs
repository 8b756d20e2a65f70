namespace CloudTrailSdk.Runtime.Http;

/// <summary>A successful answer, read to the end inside its attempt (so a connection dropped mid-body is retried too).</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="RequestId">The <c>x-amzn-RequestId</c> header.</param>
/// <param name="Body">The whole body.</param>
internal readonly record struct RawResponse(int StatusCode, string? RequestId, byte[] Body);
