using System;
using System.Collections.Generic;

namespace CloudTrailSdk;

/// <summary>What the HTTP answer said about itself: the AWS request id (quote it to AWS support), the status and the headers.</summary>
public sealed class ResponseMetadata
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the metadata.</summary>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> header, if any.</param>
    /// <param name="httpStatusCode">The HTTP status.</param>
    /// <param name="headers">Response and content headers, names compared case-insensitively.</param>
    public ResponseMetadata(string? requestId, int httpStatusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        RequestId = requestId;
        HttpStatusCode = httpStatusCode;
        Headers = headers;
    }

    /// <summary>Metadata of a response that did not come over HTTP (built in code or by a test).</summary>
    public static ResponseMetadata None { get; } = new(null, 0, NoHeaders);

    /// <summary>The <c>x-amzn-RequestId</c> header, or <see langword="null"/>.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP status (0 for <see cref="None"/>).</summary>
    public int HttpStatusCode { get; }

    /// <summary>Every response and content header, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The first value of a header, or <see langword="null"/>.</summary>
    public string? GetHeader(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Status and request id.</summary>
    public override string ToString() => $"ResponseMetadata {{ HttpStatusCode = {HttpStatusCode}, RequestId = {RequestId ?? "(none)"} }}";
}
