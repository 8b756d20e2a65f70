namespace CloudTrailSdk.Runtime.Server;

/// <summary>A server's answer: status, awsJson body, and the error code when it is an error.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="ErrorCode">The error code, or null on success.</param>
public sealed record AwsServerResult(int StatusCode, byte[] Body, string? ErrorCode = null);
