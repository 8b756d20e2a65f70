using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Turns a Lake query into SQL the engine runs: it must be one SELECT (or WITH … SELECT); event data stores are named
/// by id (or ARN) as in Lake and become quoted identifiers; <c>?</c> placeholders take the query parameters; Trino's
/// <c>element_at</c> maps to its DuckDB equivalent. String literals and quoted identifiers are left as they are.
/// </summary>
internal static partial class LakeSql
{
    private static readonly string[] Internal = { "lake_events", "lake_staging" };

    /// <summary>The rewritten statement and the stores it names; throws InvalidQueryStatementException or InvalidParameterException.</summary>
    public static (string Sql, IReadOnlyList<string> StoreIds) Prepare(string statement, IReadOnlyList<string>? parameters)
    {
        var body = StripLeadingComments(statement).TrimEnd();
        if (body.EndsWith(';'))
        {
            body = body[..^1].TrimEnd();
        }

        var first = FirstWord(body);
        if (!string.Equals(first, "SELECT", StringComparison.OrdinalIgnoreCase) && !string.Equals(first, "WITH", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidQueryStatementException("Only SELECT statements can run in CloudTrail Lake; this one starts with '" + first + "'.");
        }

        var stores = new List<string>();
        var output = new StringBuilder(body.Length + 32);
        var parameter = 0;
        for (var i = 0; i < body.Length;)
        {
            var c = body[i];
            if (c is '\'' or '"')
            {
                var end = EndOfQuoted(body, i);
                var quoted = body.Substring(i, end - i);
                if (c == '"' && StoreId().IsMatch(quoted.Trim('"')))
                {
                    stores.Add(quoted.Trim('"'));
                }

                output.Append(quoted);
                i = end;
            }
            else if (c == ';')
            {
                throw new InvalidQueryStatementException("A query is one statement; remove the ';' at character " + (i + 1) + ".");
            }
            else if (c == '?')
            {
                if (parameters is null || parameter >= parameters.Count)
                {
                    throw new InvalidParameterException("The query has more '?' placeholders than QueryParameters (" + (parameters?.Count ?? 0) + ").");
                }

                output.Append('\'').Append(parameters[parameter++].Replace("'", "''", StringComparison.Ordinal)).Append('\'');
                i++;
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                var end = i;
                while (end < body.Length && (char.IsLetterOrDigit(body[end]) || body[end] is '_' or '-' or ':' or '/' or '.'))
                {
                    end++;
                }

                var word = body.Substring(i, end - i);
                var id = StoreIdOf(word);
                if (id is not null)
                {
                    stores.Add(id);
                    output.Append(LakeEngine.Quote(id));
                    i = end;
                    continue;
                }

                // Not a store: take only the identifier part, so "a.b" or "x-1" keep their meaning.
                end = i;
                while (end < body.Length && (char.IsLetterOrDigit(body[end]) || body[end] == '_'))
                {
                    end++;
                }

                word = body.Substring(i, end - i);
                if (Array.Exists(Internal, n => string.Equals(n, word, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new InvalidQueryStatementException("'" + word + "' is not an event data store; name stores by their id.");
                }

                output.Append(string.Equals(word, "element_at", StringComparison.OrdinalIgnoreCase) ? "lake_element_at" : word);
                i = end;
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        if (parameters is not null && parameter < parameters.Count)
        {
            throw new InvalidParameterException("QueryParameters has " + parameters.Count + " values but the query has " + parameter.ToString(CultureInfo.InvariantCulture) + " '?' placeholders.");
        }

        if (stores.Count == 0)
        {
            throw new InvalidQueryStatementException("The query names no event data store: use FROM <event data store id>.");
        }

        return (output.ToString(), stores);
    }

    private static string? StoreIdOf(string word)
    {
        if (StoreId().IsMatch(word))
        {
            return word;
        }

        var marker = word.IndexOf(":eventdatastore/", StringComparison.Ordinal);
        return word.StartsWith("arn:", StringComparison.Ordinal) && marker > 0 && StoreId().IsMatch(word[(marker + 16)..]) ? word[(marker + 16)..] : null;
    }

    private static int EndOfQuoted(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        throw new InvalidQueryStatementException("A " + (quote == '\'' ? "string literal" : "quoted identifier") + " starting at character " + (start + 1) + " is not closed.");
    }

    private static string StripLeadingComments(string text)
    {
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (text.AsSpan(i).StartsWith("--"))
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end + 1;
            }
            else if (text.AsSpan(i).StartsWith("/*"))
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
            }
            else
            {
                return text[i..];
            }
        }
    }

    private static string FirstWord(string text)
    {
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end == 0 ? (text.Length == 0 ? "(nothing)" : text[..Math.Min(text.Length, 20)]) : text[..end];
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex StoreId();
}
