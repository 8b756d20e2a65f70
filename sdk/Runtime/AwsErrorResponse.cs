using System;
using System.ComponentModel;

namespace CloudTrailSdk.Runtime;

/// <summary>An error response as read off the wire, before it becomes a typed exception.</summary>
/// <param name="Code">The error code: <c>__type</c> without its namespace (before <c>#</c>) or suffix (after <c>:</c>).</param>
/// <param name="Message">The <c>message</c> or <c>Message</c> member, if any.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="RequestId">The <c>x-amzn-RequestId</c> header, if any.</param>
/// <param name="Body">The raw body, for reading the error's modelled members.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record AwsErrorResponse(string Code, string? Message, int StatusCode, string? RequestId, ReadOnlyMemory<byte> Body);
