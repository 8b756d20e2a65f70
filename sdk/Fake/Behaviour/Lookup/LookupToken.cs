using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CloudTrailSdk.Fake;

/// <summary>
/// LookupEvents' NextToken: a position in the event log, bound to the parameters it was issued for, as CloudTrail's
/// tokens are. Anchoring on a position rather than an offset into the results means events recorded while a scan is
/// under way (the scan's own calls among them) cannot shift its pages.
/// </summary>
internal static class LookupToken
{
    public static string Fingerprint(LookupEventsRequest request)
    {
        var text = new StringBuilder();
        foreach (var a in request.LookupAttributes ?? Array.Empty<LookupAttribute>())
        {
            text.Append(a.AttributeKey?.Value).Append('=').Append(a.AttributeValue).Append(';');
        }

        text.Append(request.StartTime?.ToUnixTimeMilliseconds()).Append(';').Append(request.EndTime?.ToUnixTimeMilliseconds())
            .Append(';').Append(request.EventCategory?.Value).Append(';').Append(request.MaxResults);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 8);
    }

    public static string Write(int anchor, string fingerprint) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(anchor.ToString(CultureInfo.InvariantCulture) + ":" + fingerprint));

    public static bool TryRead(string token, string fingerprint, int end, out int anchor)
    {
        anchor = 0;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
            return parts.Length == 2 && parts[1] == fingerprint
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out anchor) && anchor <= end;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
