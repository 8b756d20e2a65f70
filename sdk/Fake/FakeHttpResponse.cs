namespace CloudTrailSdk.Fake;

/// <summary>The fake's answer to one HTTP request: what every host writes back, whatever its transport.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Body">The awsJson body (an error is <c>{"__type":...,"message":...}</c>).</param>
/// <param name="RequestId">The value of the <c>x-amzn-RequestId</c> header.</param>
/// <param name="ErrorCode">The error code, or null on success.</param>
public sealed record FakeHttpResponse(int StatusCode, byte[] Body, string RequestId, string? ErrorCode)
{
    /// <summary>The content type of every answer, errors included, as AWS JSON 1.1 services send it.</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>The header that carries <see cref="RequestId"/>.</summary>
    public const string RequestIdHeader = "x-amzn-RequestId";
}
