using System.Collections.Generic;
using System.Text;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>
/// AWS writes patterns for Java's regex engine. Three Java habits break .NET: a backslash before any punctuation
/// (<c>\_</c>), POSIX classes (<c>\p{Print}</c>), and supplementary-plane ranges written as surrogate pairs
/// (<c>\uD800\uDC00-\uDBFF\uDFFF</c>, which .NET reads as a reversed range). This rewrites them into the .NET forms
/// that match the same strings (for the surrogate range: any surrogate unit, the closest class .NET has).
/// </summary>
internal static class PatternTranslator
{
    private const string JavaSupplementaryRange = "\\uD800\\uDC00-\\uDBFF\\uDFFF";
    private const string DotNetSurrogates = "\\uD800-\\uDFFF";

    // The characters .NET accepts after a backslash as a literal; any other punctuation must lose its backslash.
    private const string DotNetEscapable = "\\*+?|{}[]()^$.#-/ \t";

    private static readonly Dictionary<string, string> PosixClasses = new()
    {
        ["Print"] = "\\x20-\\x7E",
        ["Graph"] = "\\x21-\\x7E",
        ["Alnum"] = "a-zA-Z0-9",
        ["Alpha"] = "a-zA-Z",
        ["Digit"] = "0-9",
        ["Punct"] = "!-/:-@\\[-`{-~",
        ["Space"] = " \\t\\n\\x0B\\f\\r",
        ["Upper"] = "A-Z",
        ["Lower"] = "a-z",
        ["XDigit"] = "0-9a-fA-F",
        ["Cntrl"] = "\\x00-\\x1F\\x7F",
        ["ASCII"] = "\\x00-\\x7F",
        ["Blank"] = " \\t",
    };

    public static string ToDotNet(string pattern)
    {
        pattern = pattern.Replace(JavaSupplementaryRange, DotNetSurrogates);
        var output = new StringBuilder(pattern.Length);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c != '\\' || i + 1 >= pattern.Length)
            {
                if (c == '[' && !inClass)
                {
                    inClass = true;
                }
                else if (c == ']' && inClass)
                {
                    inClass = false;
                }

                output.Append(c);
                continue;
            }

            var next = pattern[i + 1];
            if ((next == 'p' || next == 'P') && i + 2 < pattern.Length && pattern[i + 2] == '{')
            {
                var close = pattern.IndexOf('}', i + 3);
                if (close > 0 && PosixClasses.TryGetValue(pattern.Substring(i + 3, close - i - 3), out var range))
                {
                    var negated = next == 'P';
                    output.Append(inClass && !negated ? range : (negated ? "[^" : "[") + range + "]");
                    i = close;
                    continue;
                }
            }

            if (!char.IsLetterOrDigit(next) && DotNetEscapable.IndexOf(next) < 0 && next < 0x80)
            {
                output.Append(next);
            }
            else
            {
                output.Append(c).Append(next);
            }

            i++;
        }

        return output.ToString();
    }
}
