using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CloudTrailSdk.Generator.Naming;

/// <summary>
/// Hint names for generated files. The compiler refuses a hint name with a character a file name cannot hold, and
/// compares hint names ignoring case; a model may hold <c>Foo</c> and <c>FOO</c>, or a model id with a slash. So every
/// name is reduced to safe characters and then made unique, case-insensitively, by a numeric suffix.
/// </summary>
internal sealed class HintNames
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Letters, digits, '_', '-' and inner '.' survive; anything else becomes '_'. Never empty.</summary>
    public static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var keep = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' || (c == '.' && text.Length > 0);
            text.Append(keep ? c : '_');
        }

        return text.Length == 0 ? "_" : text.ToString();
    }

    /// <summary>A name no earlier call returned, ignoring case.</summary>
    public string Unique(string name)
    {
        name = Sanitize(name);
        if (_used.Add(name))
        {
            return name;
        }

        for (var n = 2; ; n++)
        {
            var candidate = name + "_" + n.ToString(CultureInfo.InvariantCulture);
            if (_used.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
