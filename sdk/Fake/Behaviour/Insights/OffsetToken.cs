using System;
using System.Globalization;
using System.Text;

namespace CloudTrailSdk.Fake;

/// <summary>
/// NextTokens for lists the fake pages by offset: "kind:offset" in base64, so a token from one operation is refused by
/// another. Each operation throws its own modelled error for a token it did not issue.
/// </summary>
internal static class OffsetToken
{
    public static string Write(string kind, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(kind + ":" + offset.ToString(CultureInfo.InvariantCulture)));

    public static bool TryRead(string kind, string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith(kind + ":", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(kind.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
