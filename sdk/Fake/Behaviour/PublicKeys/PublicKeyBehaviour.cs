using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>
/// ListPublicKeys: each region has its own RSA key pairs, as on AWS, each valid for <see cref="PublicKeyRing.Validity"/>;
/// a new one is made when the newest runs out. Keys last the fake's lifetime, and with a data directory they are kept
/// there, so a restarted fake answers the same keys.
/// </summary>
internal sealed class PublicKeyBehaviour
{
    /// <summary>Keys per page: small, so a long time range pages.</summary>
    public const int PageSize = 5;

    private readonly PublicKeyRing _ring;

    public PublicKeyBehaviour(string? dataDirectory) => _ring = new PublicKeyRing(dataDirectory);

    public ListPublicKeysResponse ListPublicKeys(ListPublicKeysRequest request, CallScope scope, DateTimeOffset now)
    {
        // AWS: both ends default to the time of the call, which answers the current key.
        var start = request.StartTime ?? now;
        var end = request.EndTime ?? now;
        if (start > end)
        {
            throw new InvalidTimeRangeException("StartTime (" + start.ToString("O") + ") is after EndTime (" + end.ToString("O") + ").");
        }

        var offset = 0;
        if (request.NextToken is { } token && !OffsetToken.TryRead("keys", token, out offset))
        {
            throw new InvalidTokenException("NextToken is not a token ListPublicKeys issued.");
        }

        var keys = _ring.Keys(scope.Region, now).Where(k => k.ValidityStart <= end && k.ValidityEnd > start).ToList();
        var page = keys.Skip(offset).Take(PageSize).Select(k => new PublicKey
        {
            Value = k.PublicKeyDer,
            ValidityStartTime = k.ValidityStart,
            ValidityEndTime = k.ValidityEnd,
            Fingerprint = k.Fingerprint,
        }).ToList();
        return new ListPublicKeysResponse
        {
            PublicKeyList = page,
            NextToken = offset + PageSize < keys.Count ? OffsetToken.Write("keys", offset + PageSize) : null,
        };
    }
}
