using System.Globalization;
using System.Text;

namespace CloudTrailSdk.Runtime.Rules;

/// <summary>Formatting shared by the rule messages: quoting values, describing characters, invariant numbers.</summary>
public static class RuleText
{
    /// <summary>Values longer than this many UTF-16 chars are truncated when quoted.</summary>
    public const int QuoteLimit = 40;

    /// <summary>
    /// Quotes <paramref name="value"/> in single quotes, truncated to about <see cref="QuoteLimit"/> chars with "…"
    /// (never splitting a surrogate pair) and with control characters escaped, so a message stays on one line.
    /// </summary>
    public static string Quote(string value)
    {
        var end = value.Length;
        var truncated = false;
        if (end > QuoteLimit)
        {
            end = QuoteLimit;
            if (char.IsHighSurrogate(value[end - 1]) && char.IsLowSurrogate(value[end]))
            {
                end--;
            }

            truncated = true;
        }

        var text = new StringBuilder(end + 4);
        text.Append('\'');
        for (var i = 0; i < end; i++)
        {
            AppendEscaped(text, value[i]);
        }

        if (truncated)
        {
            text.Append('…');
        }

        return text.Append('\'').ToString();
    }

    /// <summary>Describes the code point at <paramref name="index"/>: <c>' '</c>, <c>'é'</c>, or <c>U+000A</c> for controls and lone surrogates.</summary>
    public static string DescribeAt(string value, int index)
    {
        var c = value[index];
        if (char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
        {
            return "'" + value.Substring(index, 2) + "'";
        }

        return Describe(c);
    }

    /// <summary>Describes one char: quoted when printable, <c>U+XXXX</c> otherwise.</summary>
    public static string Describe(char c) =>
        char.IsControl(c) || char.IsSurrogate(c)
            ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : "'" + c + "'";

    /// <summary>Formats an integer with the invariant culture.</summary>
    public static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a double with the invariant culture, round-trippably (<c>51</c>, <c>0.5</c>, <c>1E+300</c>).</summary>
    public static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Joins values as <c>a, b, c</c>.</summary>
    public static string List(string[] values)
    {
        var text = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(values[i]);
        }

        return text.ToString();
    }

    private static void AppendEscaped(StringBuilder text, char c)
    {
        switch (c)
        {
            case '\n': text.Append("\\n"); break;
            case '\r': text.Append("\\r"); break;
            case '\t': text.Append("\\t"); break;
            default:
                if (char.IsControl(c))
                {
                    text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append(c);
                }

                break;
        }
    }
}
