using System;
using System.Globalization;
using System.Text;

namespace CloudTrailSdk.Fake;

/// <summary>
/// The NextToken of the import and dashboard lists: the offset of the next page, bound to the list it came from, so a
/// token from one list (or one import's failures) is refused by another.
/// </summary>
internal static class PageToken
{
    public static string Write(string owner, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(owner + ":" + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Read(string token, string owner)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(owner + ":", StringComparison.Ordinal) && int.TryParse(text.AsSpan(owner.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidNextTokenException("Invalid NextToken: it was not issued for this list.");
    }
}
