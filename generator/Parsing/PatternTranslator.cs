using System.Collections.Generic;
using System.Text;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>
/// AWS writes patterns for Java's regex engine. Four Java habits break .NET: a backslash before any punctuation
/// (<c>\_</c>), POSIX and Java classes (<c>\p{Print}</c>, <c>\p{LD}</c>), possessive quantifiers (<c>{2}+</c>) and
/// supplementary-plane ranges written as surrogate pairs (<c>\uD800\uDC00-\uDBFF\uDFFF</c>, which .NET reads as a
/// reversed range). This rewrites them into the .NET forms that match the same strings (for the surrogate range: any
/// surrogate unit, the closest class .NET has).
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

        // Java's own categories, which .NET spells differently or not at all.
        ["LD"] = "\\p{L}\\p{Nd}",
        ["L1"] = "\\x00-\\xFF",
        ["LC"] = "\\p{Lu}\\p{Ll}\\p{Lt}",
        ["javaLetterOrDigit"] = "\\p{L}\\p{Nd}",
        ["javaLetter"] = "\\p{L}",
        ["javaDigit"] = "\\p{Nd}",
        ["IsAlphabetic"] = "\\p{L}\\p{Nl}",
        ["IsLetter"] = "\\p{L}",
        ["IsDigit"] = "\\p{Nd}",
    };

    public static string ToDotNet(string pattern)
    {
        pattern = pattern.Replace(JavaSupplementaryRange, DotNetSurrogates);
        var output = new StringBuilder(pattern.Length);
        var inClass = false;
        var classStart = 0;
        var atomStart = -1;
        var groups = new Stack<int>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                if (!inClass)
                {
                    atomStart = output.Length;
                }

                i = TranslateEscape(pattern, i, inClass, output);
                continue;
            }

            if (inClass)
            {
                output.Append(c);
                if (c == ']')
                {
                    inClass = false;
                    atomStart = classStart;
                }

                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    classStart = output.Length;
                    output.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        output.Append('^');
                        i++;
                    }

                    // A ']' right after the opening bracket is a literal in both engines.
                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        output.Append(']');
                        i++;
                    }

                    break;
                case '(':
                    groups.Push(output.Length);
                    output.Append(c);
                    atomStart = -1;
                    break;
                case ')':
                    output.Append(c);
                    atomStart = groups.Count > 0 ? groups.Pop() : -1;
                    break;
                case '*':
                case '+':
                case '?':
                    output.Append(c);
                    i = Possessive(pattern, i, output, atomStart);
                    break;
                case '{' when QuantifierEnd(pattern, i) is var close and > 0:
                    output.Append(pattern, i, close - i + 1);
                    i = Possessive(pattern, close, output, atomStart);
                    break;
                default:
                    atomStart = output.Length;
                    output.Append(c);
                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// Java's possessive quantifiers (<c>X{2}+</c>, <c>X*+</c>) never give back what they matched; .NET spells that
    /// as an atomic group, <c>(?&gt;X{2})</c>. A lazy <c>?</c> after a quantifier is kept as it is.
    /// </summary>
    private static int Possessive(string pattern, int quantifierEnd, StringBuilder output, int atomStart)
    {
        if (quantifierEnd + 1 >= pattern.Length)
        {
            return quantifierEnd;
        }

        var next = pattern[quantifierEnd + 1];
        if (next == '?')
        {
            output.Append('?');
            return quantifierEnd + 1;
        }

        if (next == '+' && atomStart >= 0)
        {
            output.Insert(atomStart, "(?>").Append(')');
            return quantifierEnd + 1;
        }

        return quantifierEnd;
    }

    /// <summary>The index of the '}' closing a <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> quantifier at <paramref name="open"/>, or -1.</summary>
    private static int QuantifierEnd(string pattern, int open)
    {
        var i = open + 1;
        var digits = 0;
        while (i < pattern.Length && char.IsDigit(pattern[i]))
        {
            i++;
            digits++;
        }

        if (digits == 0)
        {
            return -1;
        }

        if (i < pattern.Length && pattern[i] == ',')
        {
            i++;
            while (i < pattern.Length && char.IsDigit(pattern[i]))
            {
                i++;
            }
        }

        return i < pattern.Length && pattern[i] == '}' ? i : -1;
    }

    private static int TranslateEscape(string pattern, int i, bool inClass, StringBuilder output)
    {
        var next = pattern[i + 1];
        if ((next == 'p' || next == 'P') && i + 2 < pattern.Length && pattern[i + 2] == '{')
        {
            var close = pattern.IndexOf('}', i + 3);
            if (close > 0 && PosixClasses.TryGetValue(pattern.Substring(i + 3, close - i - 3), out var range))
            {
                var negated = next == 'P';
                output.Append(inClass && !negated ? range : (negated ? "[^" : "[") + range + "]");
                return close;
            }
        }

        if (!char.IsLetterOrDigit(next) && DotNetEscapable.IndexOf(next) < 0 && next < 0x80)
        {
            output.Append(next);
        }
        else
        {
            output.Append('\\').Append(next);
        }

        return i + 1;
    }
}
