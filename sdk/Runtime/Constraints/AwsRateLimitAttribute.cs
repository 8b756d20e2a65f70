using System;
using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Constraints;

/// <summary>The documented request rate of an operation, stamped on its request type; paginators pace to it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsRateLimitAttribute : Attribute
{
    /// <summary>Creates the limit.</summary>
    public AwsRateLimitAttribute(double requestsPerSecond) => RequestsPerSecond = requestsPerSecond;

    /// <summary>Requests per second the service allows, per account and region.</summary>
    public double RequestsPerSecond { get; }
}
