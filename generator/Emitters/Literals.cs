using System.Globalization;
using System.Text;

namespace CloudTrailSdk.Generator.Emitters;

/// <summary>C# literals written the same way on every machine, whatever its culture.</summary>
internal static class Literals
{
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\0': text.Append("\\0"); break;
                default:
                    if (c < ' ' || (c >= 0x7f && c <= 0x9f) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    public static string Utf8(string value) => String(value) + "u8";

    public static string Double(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "double.NegativeInfinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOf('.') < 0 && text.IndexOf('E') < 0 ? text + ".0" : text;
    }

    public static string Long(double value) => ((long)value).ToString(CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string StringArray(System.Collections.Generic.IEnumerable<string> values)
    {
        var text = new StringBuilder("new string[] { ");
        var first = true;
        foreach (var v in values)
        {
            if (!first)
            {
                text.Append(", ");
            }

            text.Append(String(v));
            first = false;
        }

        return text.Append(" }").ToString();
    }
}
