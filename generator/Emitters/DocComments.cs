using System.Collections.Generic;
using System.Text;

namespace CloudTrailSdk.Generator.Emitters;

/// <summary>
/// Turns model documentation (AWS writes it as loose HTML) into XML doc comments: <c>code</c> becomes
/// <c>&lt;c&gt;</c>, paragraphs become <c>&lt;para&gt;</c>, other tags are dropped and the text is escaped.
/// </summary>
internal static class DocComments
{
    public static void Write(SourceWriter writer, string? documentation, string? fallback = null)
    {
        var text = documentation is null ? null : ToXml(documentation);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (fallback is null)
            {
                return;
            }

            text = Escape(fallback);
        }

        writer.Line("/// <summary>");
        foreach (var line in Wrap(text!, 110))
        {
            writer.Line("/// " + line);
        }

        writer.Line("/// </summary>");
    }

    internal static string ToXml(string html)
    {
        var output = new StringBuilder();
        var i = 0;
        var paragraphs = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    output.Append("&lt;");
                    i++;
                    continue;
                }

                var tag = html.Substring(i + 1, end - i - 1).Trim().ToLowerInvariant();
                var name = tag.TrimStart('/').Split(' ', '\t', '\n')[0];
                var closing = tag.StartsWith("/", System.StringComparison.Ordinal);
                switch (name)
                {
                    case "code":
                        output.Append(closing ? "</c>" : "<c>");
                        break;
                    case "p":
                        if (!closing && paragraphs++ > 0)
                        {
                            output.Append(' ');
                        }

                        break;
                    case "li":
                        if (!closing)
                        {
                            output.Append(" - ");
                        }

                        break;
                    default:
                        output.Append(' ');
                        break;
                }

                i = end + 1;
                continue;
            }

            if (c == '&')
            {
                var end = html.IndexOf(';', i);
                var entity = end > i && end - i < 10 ? html.Substring(i, end - i + 1) : null;
                if (entity is "&lt;" or "&gt;" or "&amp;" or "&quot;" or "&apos;")
                {
                    output.Append(entity);
                    i = end + 1;
                    continue;
                }

                output.Append("&amp;");
                i++;
                continue;
            }

            output.Append(c switch
            {
                '>' => "&gt;",
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
            i++;
        }

        return Collapse(output.ToString()).Replace("<c> ", "<c>").Replace(" </c>", "</c>").Replace("<c></c>", string.Empty);
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Collapse(string text)
    {
        var output = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                space = output.Length > 0;
                continue;
            }

            if (space)
            {
                output.Append(' ');
                space = false;
            }

            output.Append(c);
        }

        return output.ToString();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
