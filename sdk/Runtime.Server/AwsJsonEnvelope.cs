using System;

namespace CloudTrailSdk.Runtime.Server;

/// <summary>
/// The awsJson envelope around a call: every call is a POST whose X-Amz-Target names the operation. The failures here
/// are the ones AWS's front end answers before any operation runs.
/// </summary>
public static class AwsJsonEnvelope
{
    /// <summary>
    /// The operation a request targets, or an exception to answer with. botocore and the AWS CLI send the model's full
    /// prefix (<c>com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.Op</c>); Smithy-built SDKs (JavaScript v3) send
    /// only the last segment (<c>CloudTrail_20131101.Op</c>). AWS takes both, and so does this.
    /// </summary>
    public static string OperationOf(string method, string? target, string targetPrefix)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(targetPrefix);
        if (!string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            throw Unknown("This service answers POST requests only, not " + method + ".");
        }

        if (target is null)
        {
            throw Unknown("The request has no " + AwsJsonProtocol.TargetHeader + " header.");
        }

        var shortPrefix = targetPrefix.Substring(targetPrefix.LastIndexOf('.') + 1);
        var operation = After(target, targetPrefix) ?? After(target, shortPrefix);
        return string.IsNullOrEmpty(operation) ? throw Unknown("Unknown " + AwsJsonProtocol.TargetHeader + " '" + target + "'.") : operation!;
    }

    private static string? After(string target, string prefix) =>
        target.Length > prefix.Length && target[prefix.Length] == '.' && target.StartsWith(prefix, StringComparison.Ordinal)
            ? target.Substring(prefix.Length + 1)
            : null;

    private static AwsServiceException Unknown(string message) => new("UnknownOperationException", message, 400, null);
}
