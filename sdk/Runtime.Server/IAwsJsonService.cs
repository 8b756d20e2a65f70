using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Server;

/// <summary>
/// What a host needs from a generated service to serve it over HTTP: the target prefix it answers to, its operations
/// and their rate limits, and the dispatch that runs one call. Every generated service base implements it.
/// </summary>
public interface IAwsJsonService
{
    /// <summary>The X-Amz-Target prefix, as the model's metadata gives it.</summary>
    string TargetPrefix { get; }

    /// <summary>The awsJson version (1.0 or 1.1), which sets the answers' content type.</summary>
    string JsonVersion { get; }

    /// <summary>The service's operations.</summary>
    IReadOnlyList<string> Operations { get; }

    /// <summary>An operation's documented rate per account and region, in requests per second; 0 when it has none.</summary>
    double RateLimitOf(string operation);

    /// <summary>Reads, validates and runs one call.</summary>
    Task<AwsServerResult> DispatchAsync(string operation, ReadOnlyMemory<byte> body, AwsServerContext context, CancellationToken cancellationToken = default);
}
