using System.Collections.Generic;
using System.Text;

namespace CloudTrailSdk.Generator.Naming;

/// <summary>Turns model names (shape, member and enum value names) into C# identifiers.</summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary>
    /// PascalCase from any model name: letters and digits are kept, everything else splits words
    /// (<c>AWS::S3::Object</c> becomes <c>AwsS3Object</c> only when the source is all capitals; otherwise casing is kept).
    /// Returns an empty string when nothing usable is left.
    /// </summary>
    public static string Pascal(string name)
    {
        var text = new StringBuilder(name.Length);
        var startWord = true;
        foreach (var c in name)
        {
            if (IsAsciiLetterOrDigit(c))
            {
                text.Append(startWord ? char.ToUpperInvariant(c) : c);
                startWord = false;
            }
            else
            {
                startWord = true;
            }
        }

        if (text.Length > 0 && char.IsDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }

    /// <summary>A PascalCase identifier for an enum value, folding all-capital words (<c>SHA_256</c> → <c>Sha256</c>).</summary>
    public static string EnumMember(string value)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in value)
        {
            if (IsAsciiLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        var text = new StringBuilder();
        foreach (var w in words)
        {
            var allUpper = w.ToUpperInvariant() == w;
            text.Append(char.ToUpperInvariant(w[0]));
            text.Append(allUpper ? w.Substring(1).ToLowerInvariant() : w.Substring(1));
        }

        if (text.Length > 0 && char.IsDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }

    /// <summary>True for a dotted namespace whose every part is a non-keyword identifier.</summary>
    public static bool IsValidNamespace(string name)
    {
        foreach (var part in name.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidIdentifier(string name)
    {
        if (name.Length == 0 || IsKeyword(name) || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
