using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>
/// SearchSampleQueries over <see cref="SampleQueryCatalog"/>. Relevance is a simple word match, not AWS's semantic
/// search: each word of the phrase (lowercased, common words dropped, a trailing s dropped) scores 3 if it is in the query's name, else 2 if in
/// its description, else 1 if in its SQL; relevance is the total over 3 × the number of words, so 1 means every word is
/// in the name. Queries scoring 0 are left out; the rest come best first, then by name.
/// </summary>
internal sealed class SampleQueryBehaviour
{
    private const int DefaultPageSize = 10;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "all", "an", "and", "any", "are", "be", "by", "did", "do", "doe", "find", "for", "from", "get", "has", "have", "how", "i", "in", "is", "list", "me",
        "my", "of", "on", "or", "show", "that", "the", "to", "was", "were", "what", "when", "where", "which", "who", "with",
    };

    public SearchSampleQueriesResponse Search(SearchSampleQueriesRequest request)
    {
        var offset = 0;
        if (request.NextToken is { } token && !OffsetToken.TryRead("samples", token, out offset))
        {
            throw new InvalidParameterException("NextToken is not a token SearchSampleQueries issued.");
        }

        var size = request.MaxResults ?? DefaultPageSize;
        var ranked = Rank(request.SearchPhrase);
        var page = ranked.Skip(offset).Take(size).Select(r => new SearchSampleQueriesSearchResult
        {
            Name = r.Query.Name,
            Description = r.Query.Description,
            SQL = r.Query.Sql,
            Relevance = r.Relevance,
        }).ToList();
        return new SearchSampleQueriesResponse
        {
            SearchResults = page,
            NextToken = offset + size < ranked.Count ? OffsetToken.Write("samples", offset + size) : null,
        };
    }

    /// <summary>The catalogue's queries that match <paramref name="phrase"/>, best first.</summary>
    public static List<(SampleQuery Query, float Relevance)> Rank(string phrase)
    {
        // Stop words are compared after the plural rule, hence "doe" for "does".
        var words = Words(phrase).Where(w => !StopWords.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            return new List<(SampleQuery, float)>();
        }

        return SampleQueryCatalog.All
            .Select(q => (Query: q, Relevance: (float)words.Sum(w => Score(q, w)) / (3 * words.Count)))
            .Where(r => r.Relevance > 0)
            .OrderByDescending(r => r.Relevance)
            .ThenBy(r => r.Query.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static int Score(SampleQuery query, string word) =>
        Words(query.Name).Contains(word) ? 3 : Words(query.Description).Contains(word) ? 2 : Words(query.Sql).Contains(word) ? 1 : 0;

    // A trailing "s" is dropped from longer words, so "users" finds "user".
    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split(text.Where(c => !char.IsAsciiLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length > 3 && w[^1] == 's' ? w[..^1] : w);
}
