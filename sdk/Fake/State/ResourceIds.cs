using System;
using System.Security.Cryptography;
using System.Text;
using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Ids for resources a call creates, derived from the call's request id. A journaled call replayed on start-up carries
/// its original request id, so a store, channel or import keeps the id its clients were given before the restart.
/// </summary>
internal static class ResourceIds
{
    /// <summary>A GUID-shaped id, distinct per request and per <paramref name="kind"/> of resource.</summary>
    public static string For(AwsServerContext context, string kind)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(context.RequestId + "/" + kind), hash);

        // Version 4 and RFC 4122 variant bits, so the id looks like every other GUID CloudTrail hands out.
        hash[7] = (byte)((hash[7] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]).ToString();
    }
}
