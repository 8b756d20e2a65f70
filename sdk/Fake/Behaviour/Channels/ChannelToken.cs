using System;
using System.Globalization;
using System.Text;

namespace CloudTrailSdk.Fake;

/// <summary>
/// ListChannels' NextToken: the last channel a page gave (so a deletion between pages skips nothing), bound to the
/// account, region and page size it was issued for, as CloudTrail requires the same parameters with a token.
/// </summary>
internal static class ChannelToken
{
    private const string Prefix = "channels|";

    public static string Write(ChannelState last, CallScope scope, int pageSize) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + Binding(scope, pageSize) + "|" + last.CreatedTimestamp.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + last.Id));

    /// <summary>The (created, id) position a token continues after; InvalidNextTokenException when it is not ours or was issued for other parameters.</summary>
    public static (long Ticks, string Id) Read(string token, CallScope scope, int pageSize)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw new InvalidNextTokenException("Invalid NextToken: it is not a token ListChannels issued.");
        }

        var parts = text.Split('|');
        if (parts.Length != 6 || parts[0] + "|" != Prefix || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            throw new InvalidNextTokenException("Invalid NextToken: it is not a token ListChannels issued.");
        }

        if (string.Join('|', parts[1], parts[2], parts[3]) != Binding(scope, pageSize))
        {
            throw new InvalidNextTokenException("Invalid NextToken: it was issued for another account, region or MaxResults; pass the parameters of the call that gave it.");
        }

        return (ticks, parts[5]);
    }

    public static bool IsAfter(ChannelState channel, (long Ticks, string Id) position) =>
        channel.CreatedTimestamp.UtcTicks > position.Ticks
        || (channel.CreatedTimestamp.UtcTicks == position.Ticks && string.CompareOrdinal(channel.Id, position.Id) > 0);

    private static string Binding(CallScope scope, int pageSize) =>
        scope.Account + "|" + scope.Region + "|" + pageSize.ToString(CultureInfo.InvariantCulture);
}
