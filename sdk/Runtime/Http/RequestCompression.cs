using System.IO;
using System.IO.Compression;
using CloudTrailSdk.Runtime.Config;

namespace CloudTrailSdk.Runtime.Http;

/// <summary>
/// The <c>requestcompression</c> trait: a body at least the minimum size is sent gzip-compressed with
/// <c>Content-Encoding: gzip</c>. It is compressed once per call, before the first attempt, so every retry sends (and
/// signs) the same bytes.
/// </summary>
internal static class RequestCompression
{
    /// <summary>The only encoding this runtime applies; the trait may list others, which are ignored as AWS SDKs ignore them.</summary>
    public const string Gzip = "gzip";

    /// <summary>The body to send and its Content-Encoding (null when it is sent as it is).</summary>
    public static (byte[] Body, string? Encoding) Apply(byte[] body, bool traitAsks, RequestCompressionSettings settings)
    {
        if (!traitAsks || settings.Disabled || body.Length < settings.MinSizeBytes)
        {
            return (body, null);
        }

        using var compressed = new MemoryStream(body.Length / 4 + 64);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body, 0, body.Length);
        }

        return (compressed.ToArray(), Gzip);
    }
}
