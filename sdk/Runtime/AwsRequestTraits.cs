using System;

namespace CloudTrailSdk.Runtime;

/// <summary>
/// What an operation's model says about how its request travels, beyond the body: the <c>endpoint.hostPrefix</c> to put
/// before the endpoint's host (with <c>{Label}</c> placeholders filled from input members marked <c>hostLabel</c>), and
/// whether the <c>requestcompression</c> trait asks for gzip. Generated clients create one per operation that has either.
/// </summary>
public sealed class AwsRequestTraits
{
    /// <summary>Creates the traits.</summary>
    /// <param name="hostPrefix">The model's <c>endpoint.hostPrefix</c> template, e.g. <c>"data."</c> or <c>"{AccountId}.control."</c>; null for none.</param>
    /// <param name="requestCompression">The operation lists gzip among its <c>requestcompression</c> encodings.</param>
    public AwsRequestTraits(string? hostPrefix, bool requestCompression)
    {
        if (hostPrefix is { Length: 0 })
        {
            throw new ArgumentException("A host prefix, when given, must not be empty.", nameof(hostPrefix));
        }

        HostPrefix = hostPrefix;
        RequestCompression = requestCompression;
    }

    /// <summary>The host prefix template, or null.</summary>
    public string? HostPrefix { get; }

    /// <summary>Whether the body is gzip-compressed when it reaches the minimum size (and compression is not disabled).</summary>
    public bool RequestCompression { get; }
}

/// <summary>One <c>{Name}</c> placeholder of a host prefix and the request's value for it.</summary>
/// <param name="Name">The placeholder as written in the template: the member's name in the model, which an invalid value's error names as its path.</param>
/// <param name="Value">The request's value.</param>
public readonly record struct AwsHostLabel(string Name, string? Value);

/// <summary>Reads a request's host-label members; generated for operations whose host prefix has placeholders.</summary>
/// <typeparam name="TRequest">The operation's input type.</typeparam>
public delegate AwsHostLabel[] AwsHostLabels<in TRequest>(TRequest request);
