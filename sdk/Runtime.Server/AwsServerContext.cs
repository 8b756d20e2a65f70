using System;
using System.Collections.Generic;

namespace CloudTrailSdk.Runtime.Server;

/// <summary>What a server handler knows about the call besides its request: who made it, where, and when.</summary>
public sealed class AwsServerContext
{
    /// <summary>Creates a context.</summary>
    public AwsServerContext(string operation, string requestId)
    {
        Operation = operation;
        RequestId = requestId;
    }

    /// <summary>The operation name from X-Amz-Target.</summary>
    public string Operation { get; }

    /// <summary>The request id the server answers with.</summary>
    public string RequestId { get; }

    /// <summary>The region from the SigV4 credential scope, if signed.</summary>
    public string? Region { get; init; }

    /// <summary>The account the call acts in, as the host resolved it from the caller's credentials.</summary>
    public string? AccountId { get; init; }

    /// <summary>The access key id from the SigV4 credential scope, if signed.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The caller's address.</summary>
    public string? SourceIpAddress { get; init; }

    /// <summary>The caller's User-Agent.</summary>
    public string? UserAgent { get; init; }

    /// <summary>When the call arrived.</summary>
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Free-form state for server behaviour (e.g. what to record about the call).</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
