using System;
using System.Collections.Generic;

namespace CloudTrailSdk.Fake;

/// <summary>
/// One HTTP request as the fake sees it, independent of the transport that carried it (an in-process handler, Kestrel),
/// so every host answers from the same code.
/// </summary>
// Public for hosts that bridge a transport to the fake (Fake.Hosting); tests use FakeCloudTrailHandler instead.
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class FakeHttpRequest
{
    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The path as sent on the wire.</summary>
    public string Path { get; init; } = "/";

    /// <summary>The query string as sent on the wire, with or without its leading '?'.</summary>
    public string? Query { get; init; }

    /// <summary>Every header received (repeated names allowed); must include Host for signatures to be verifiable.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The caller's address, recorded as the event's sourceIPAddress.</summary>
    public string? RemoteAddress { get; init; }

    /// <summary>The first value of a header, by case-insensitive name.</summary>
    public string? Header(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }
}
