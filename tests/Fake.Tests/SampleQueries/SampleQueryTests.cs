using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.SampleQueries;

/// <summary>SearchSampleQueries: the fake's own catalogue, ranked by a word-match score, paged, and every query runnable.</summary>
[Trait("Category", "Unit")]
public sealed class SampleQueryTests
{
    private readonly FakeCloudTrail _fake = new();

    [Fact]
    public async Task The_best_match_comes_first_with_a_relevance_between_0_and_1()
    {
        using var client = _fake.CreateClient();

        var results = (await client.SearchSampleQueriesAsync(new SearchSampleQueriesRequest { SearchPhrase = "Which users were denied access?" })).SearchResults!;

        Assert.Equal("Access denied calls by user", results[0].Name);
        Assert.Equal(1f, results[0].Relevance);
        Assert.All(results, r => Assert.InRange(r.Relevance!.Value, 0.01f, 1f));
        Assert.Equal(results.OrderByDescending(r => r.Relevance).Select(r => r.Relevance), results.Select(r => r.Relevance));
    }

    [Fact]
    public async Task A_phrase_matching_nothing_answers_no_results()
    {
        using var client = _fake.CreateClient();

        Assert.Empty((await client.SearchSampleQueriesAsync(new SearchSampleQueriesRequest { SearchPhrase = "quantum pineapple" })).SearchResults!);
        Assert.Empty((await client.SearchSampleQueriesAsync(new SearchSampleQueriesRequest { SearchPhrase = "what is the" })).SearchResults!);
    }

    [Fact]
    public async Task Results_page_without_repeats_and_a_foreign_token_is_refused()
    {
        using var client = _fake.CreateClient();

        var all = await AllAsync(client, "EDS_ID", pageSize: 4);

        Assert.True(all.Count >= 10, "the catalogue holds " + all.Count + " queries");
        Assert.Equal(all.Count, all.Select(r => r.Name).Distinct().Count());
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => client.SearchSampleQueriesAsync(new SearchSampleQueriesRequest { SearchPhrase = "errors", NextToken = "foreign-token" })));
    }

    [Fact]
    public async Task Every_sample_query_runs_on_an_empty_store()
    {
        using var client = _fake.CreateClient();
        var id = (await client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "empty", StartIngestion = false })).EventDataStoreArn!.Split('/')[^1];

        foreach (var sample in await AllAsync(client, "EDS_ID", pageSize: 50))
        {
            var queryId = (await client.StartQueryAsync(new StartQueryRequest { QueryStatement = sample.SQL!.Replace("$EDS_ID", id, StringComparison.Ordinal) })).QueryId!;
            DescribeQueryResponse described;
            var polls = 0;
            do
            {
                await Task.Delay(20);
                described = await client.DescribeQueryAsync(new DescribeQueryRequest { QueryId = queryId });
            }
            while ((described.QueryStatus == QueryStatus.Queued || described.QueryStatus == QueryStatus.Running) && ++polls < 500);

            Assert.True(described.QueryStatus == QueryStatus.Finished, sample.Name + ": " + described.QueryStatus + " " + described.ErrorMessage);
        }
    }

    private static async Task<List<SearchSampleQueriesSearchResult>> AllAsync(CloudTrailClient client, string phrase, int pageSize)
    {
        var all = new List<SearchSampleQueriesSearchResult>();
        string? token = null;
        do
        {
            var page = await client.SearchSampleQueriesAsync(new SearchSampleQueriesRequest { SearchPhrase = phrase, MaxResults = pageSize, NextToken = token });
            Assert.True(page.SearchResults!.Count <= pageSize);
            all.AddRange(page.SearchResults!);
            token = page.NextToken;
        }
        while (token is not null);

        return all;
    }
}
