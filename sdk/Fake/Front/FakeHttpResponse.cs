namespace CloudTrailSdk.Fake;

/// <summary>The fake's answer to one HTTP request: what every host writes back, whatever its transport.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Body">The awsJson body (an error is <c>{"__type":...,"message":...}</c>).</param>
/// <param name="RequestId">The value of the request-id header (<see cref="Runtime.AwsJsonProtocol.RequestIdHeader"/>).</param>
/// <param name="ErrorCode">The error code, or null on success.</param>
// Public for hosts that bridge a transport to the fake (Fake.Hosting); tests use FakeCloudTrailHandler instead.
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record FakeHttpResponse(int StatusCode, byte[] Body, string RequestId, string? ErrorCode);
