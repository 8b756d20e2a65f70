namespace CloudTrailSdk.Runtime;

/// <summary>The facts about a service that the transport needs, taken from the model's metadata.</summary>
/// <param name="ServiceId">The service id, e.g. <c>CloudTrail</c>; it also names the service's endpoint variable.</param>
/// <param name="SigningName">The SigV4 service name.</param>
/// <param name="EndpointPrefix">The host prefix of the default endpoint.</param>
/// <param name="TargetPrefix">The prefix of the X-Amz-Target header.</param>
/// <param name="JsonVersion">1.0 or 1.1, for the Content-Type.</param>
/// <param name="ApiVersion">The model's API version.</param>
public sealed record AwsServiceDescription(
    string ServiceId,
    string SigningName,
    string EndpointPrefix,
    string TargetPrefix,
    string JsonVersion,
    string ApiVersion)
{
    /// <summary>The Content-Type of requests and responses.</summary>
    public string ContentType => AwsJsonProtocol.ContentType(JsonVersion);
}
