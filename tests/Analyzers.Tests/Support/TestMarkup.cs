using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CloudTrailSdk.Analyzers.Tests.Support;

/// <summary>A diagnostic a test expects: its ID and the exact span of source it covers.</summary>
internal sealed record ExpectedDiagnostic(string Id, TextSpan Span);

/// <summary>
/// Parses <c>{|CTSDK001:"my--trail"|}</c> markup (the convention of Microsoft.CodeAnalysis.Testing, which the
/// registry does not serve): the text between the colon and <c>|}</c> is the exact span the diagnostic must cover.
/// </summary>
internal static class TestMarkup
{
    private const string Open = "{|";
    private const string Close = "|}";

    /// <summary>Parses the markup; spans may nest (<c>{|CTSDK002:{|CTSDK004:"…"|}|}</c>) when two rules cover one value.</summary>
    public static (string Source, IReadOnlyList<ExpectedDiagnostic> Expected) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var expected = new List<ExpectedDiagnostic>();
        var open = new Stack<(string Id, int Start)>();
        var index = 0;
        while (index < markup.Length)
        {
            if (string.CompareOrdinal(markup, index, Open, 0, Open.Length) == 0)
            {
                var colon = markup.IndexOf(':', index);
                if (colon < 0)
                {
                    throw new FormatException("Markup without an ID at offset " + index);
                }

                open.Push((markup.Substring(index + Open.Length, colon - index - Open.Length), source.Length));
                index = colon + 1;
            }
            else if (open.Count > 0 && string.CompareOrdinal(markup, index, Close, 0, Close.Length) == 0)
            {
                var (id, start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(id, TextSpan.FromBounds(start, source.Length)));
                index += Close.Length;
            }
            else
            {
                source.Append(markup[index++]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("Unclosed markup for " + open.Peek().Id);
        }

        return (source.ToString(), expected);
    }
}
