using System.Buffers;

namespace CloudTrailSdk.Runtime.Http;

/// <summary>A successful answer, read to the end inside its attempt (so a connection dropped mid-body is retried too).</summary>
/// <param name="Metadata">Status, request id and headers.</param>
/// <param name="Body">The whole body, read once (see <see cref="ResponseBody"/>).</param>
internal readonly record struct RawResponse(ResponseMetadata Metadata, ReadOnlySequence<byte> Body)
{
    public int StatusCode => Metadata.HttpStatusCode;

    public string? RequestId => Metadata.RequestId;
}
