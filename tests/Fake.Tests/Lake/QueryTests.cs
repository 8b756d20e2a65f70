using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Lake;

/// <summary>Lake queries on the embedded engine: asynchronous statuses, Lake's columns and SQL, paging and errors.</summary>
[Trait("Category", "Unit")]
public sealed class QueryTests : IDisposable
{
    private readonly FakeCloudTrail _fake = new();
    private readonly CloudTrailClient _client;

    public QueryTests() => _client = Clients.InProcess(_fake, "us-east-1");

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    [Fact]
    public async Task Calls_land_in_the_store_and_GROUP_BY_counts_them()
    {
        var id = await CreateStoreAsync("counts");
        await _client.CreateTrailAsync(new CreateTrailRequest { Name = "lake-trail", S3BucketName = "bucket" });
        for (var i = 0; i < 3; i++)
        {
            await _client.GetTrailAsync(new GetTrailRequest { Name = "lake-trail" });
        }

        var rows = await RunAsync("SELECT eventName, COUNT(*) AS calls FROM " + id + " WHERE eventName IN ('CreateTrail', 'GetTrail') GROUP BY eventName ORDER BY calls DESC");

        Assert.Equal(new[] { ("GetTrail", "3"), ("CreateTrail", "1") }, rows.Select(r => (r["eventName"], r["calls"])));
    }

    [Fact]
    public async Task Lakes_SQL_works_as_in_Lake()
    {
        var id = await CreateStoreAsync("sql");
        await _client.CreateTrailAsync(new CreateTrailRequest { Name = "named-trail", S3BucketName = "bucket" });

        var rows = await RunAsync(
            "SELECT userIdentity.arn AS who, element_at(requestParameters, 'Name') AS trail, eventTime FROM " + id
            + " WHERE eventTime > '2020-01-01 00:00:00' AND eventName = 'CreateTrail' ORDER BY eventTime DESC LIMIT 1");

        var row = Assert.Single(rows);
        Assert.Equal("arn:aws:iam::" + FakeCloudTrail.DefaultAccountId + ":user/fake-user", row["who"]);
        Assert.Equal("named-trail", row["trail"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$", row["eventTime"]);
    }

    [Fact]
    public async Task Trino_functions_Lake_queries_use_are_there()
    {
        var id = await CreateStoreAsync("trino");
        await _client.ListTrailsAsync(new ListTrailsRequest());

        var row = Assert.Single(await RunAsync(
            "SELECT regexp_like(min(eventName), '^List') AS matched, min(json_extract_scalar('{\"a\":\"b\"}', '$.a')) AS scalar, approx_distinct(eventName) AS names, "
            + "min(to_unixtime(from_iso8601_timestamp('2026-01-02T03:04:05Z'))) AS epoch, min(array_join(['x', 'y'], '+')) AS joined FROM " + id + " WHERE eventName = 'ListTrails'"));

        Assert.Equal(("true", "b", "1", "1767323045", "x+y"), (row["matched"], row["scalar"], row["names"], row["epoch"], row["joined"]));
    }

    [Fact]
    public async Task A_stores_selectors_decide_what_it_holds_and_two_stores_UNION()
    {
        var creates = await CreateStoreAsync("creates-only", new AdvancedEventSelector
        {
            FieldSelectors = new[]
            {
                new AdvancedFieldSelector { Field = "eventCategory", EqualsValue = new[] { "Management" } },
                new AdvancedFieldSelector { Field = "eventName", StartsWith = new[] { "Create" } },
            },
        });
        var reads = await CreateStoreAsync("reads-only", new AdvancedEventSelector
        {
            FieldSelectors = new[] { new AdvancedFieldSelector { Field = "readOnly", EqualsValue = new[] { "true" } }, new AdvancedFieldSelector { Field = "eventName", NotEquals = new[] { "GetEventDataStore" } } },
        });
        await _client.CreateTrailAsync(new CreateTrailRequest { Name = "tr1", S3BucketName = "bucket" });
        await _client.GetTrailAsync(new GetTrailRequest { Name = "tr1" });
        await _client.DeleteTrailAsync(new DeleteTrailRequest { Name = "tr1" });

        var rows = await RunAsync(
            "SELECT 'creates' AS store, eventName FROM " + creates + " WHERE eventName LIKE '%Trail' UNION ALL SELECT 'reads', eventName FROM " + reads + " WHERE eventName LIKE '%Trail' ORDER BY 1, 2");

        Assert.Equal(new[] { ("creates", "CreateTrail"), ("reads", "GetTrail") }, rows.Select(r => (r["store"], r["eventName"])));
    }

    [Fact]
    public async Task Two_stores_JOIN_on_their_columns()
    {
        var all = await CreateStoreAsync("join-all");
        var writes = await CreateStoreAsync("join-writes", new AdvancedEventSelector
        {
            FieldSelectors = new[] { new AdvancedFieldSelector { Field = "eventCategory", EqualsValue = new[] { "Management" } }, new AdvancedFieldSelector { Field = "readOnly", EqualsValue = new[] { "false" } } },
        });
        await _client.CreateTrailAsync(new CreateTrailRequest { Name = "joined", S3BucketName = "bucket" });
        await _client.GetTrailAsync(new GetTrailRequest { Name = "joined" });

        var rows = await RunAsync(
            "SELECT a.eventName, count(w.eventId) AS inWrites FROM " + all + " a LEFT JOIN " + writes + " w ON a.eventId = w.eventId"
            + " WHERE a.eventName IN ('CreateTrail', 'GetTrail') GROUP BY a.eventName ORDER BY a.eventName");

        Assert.Equal(new[] { ("CreateTrail", "1"), ("GetTrail", "0") }, rows.Select(r => (r["eventName"], r["inWrites"])));
    }

    [Fact]
    public async Task Results_come_in_pages_with_statistics()
    {
        var id = await CreateStoreAsync("pages");
        for (var i = 0; i < 5; i++)
        {
            await _client.ListTrailsAsync(new ListTrailsRequest());
        }

        var queryId = (await _client.StartQueryAsync(new StartQueryRequest { QueryStatement = "SELECT eventId FROM " + id + " WHERE eventName = 'ListTrails'" })).QueryId!;
        var described = await WaitAsync(queryId);
        Assert.Equal(QueryStatus.Finished, described.QueryStatus);
        Assert.Equal(5, described.QueryStatistics!.EventsMatched);
        Assert.True(described.QueryStatistics.EventsScanned >= 5);
        Assert.True(described.QueryStatistics.BytesScanned > 0);

        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await _client.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = queryId, MaxQueryResults = 2, NextToken = token });
            Assert.Equal(5, page.QueryStatistics!.TotalResultsCount);
            ids.AddRange(page.QueryResultRows!.Select(row => Assert.Single(Assert.Single(row))).Select(cell => cell.Value));
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(5, ids.Distinct().Count());
    }

    [Fact]
    public async Task Only_SELECT_runs_and_unknown_stores_are_named()
    {
        var id = await CreateStoreAsync("errors");

        await Assert.ThrowsAsync<InvalidQueryStatementException>(() => _client.StartQueryAsync(new StartQueryRequest { QueryStatement = "DELETE FROM " + id }));
        await Assert.ThrowsAsync<InvalidQueryStatementException>(() => _client.StartQueryAsync(new StartQueryRequest { QueryStatement = "SELECT 1; DROP TABLE x" }));
        await Assert.ThrowsAsync<InvalidQueryStatementException>(() => _client.StartQueryAsync(new StartQueryRequest { QueryStatement = "SELECT * FROM lake_events" }));
        var missing = await Assert.ThrowsAsync<EventDataStoreNotFoundException>(() => _client.StartQueryAsync(new StartQueryRequest { QueryStatement = "SELECT * FROM " + Guid.NewGuid() }));
        Assert.Contains("was not found", missing.Message, StringComparison.Ordinal);

        var failing = (await _client.StartQueryAsync(new StartQueryRequest { QueryStatement = "SELECT noSuchColumn FROM " + id })).QueryId!;
        var described = await WaitAsync(failing);
        Assert.Equal(QueryStatus.Failed, described.QueryStatus);
        Assert.Contains("noSuchColumn", described.ErrorMessage, StringComparison.Ordinal);
        await Assert.ThrowsAsync<QueryIdNotFoundException>(() => _client.DescribeQueryAsync(new DescribeQueryRequest { QueryId = Guid.NewGuid().ToString() }));
    }

    [Fact]
    public async Task A_running_query_can_be_cancelled_and_the_concurrency_limit_holds()
    {
        using var fake = new FakeCloudTrail(new FakeCloudTrailOptions { MaxConcurrentQueries = 1 });
        using var client = Clients.InProcess(fake, "us-east-1");
        var id = (await client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "slow" })).EventDataStoreArn!.Split('/')[^1];

        // A cross join large enough to run for minutes: it is still going when the next calls arrive.
        var slow = (await client.StartQueryAsync(new StartQueryRequest { QueryStatement = "SELECT count(*) FROM " + id + ", range(100000000000) r" })).QueryId!;
        await Assert.ThrowsAsync<MaxConcurrentQueriesException>(() => client.StartQueryAsync(new StartQueryRequest { QueryStatement = "SELECT 1 FROM " + id }));

        var cancelled = await client.CancelQueryAsync(new CancelQueryRequest { QueryId = slow });
        Assert.Equal(QueryStatus.Cancelled, cancelled.QueryStatus);
        await Assert.ThrowsAsync<InactiveQueryException>(() => client.CancelQueryAsync(new CancelQueryRequest { QueryId = slow }));

        var listed = await client.ListQueriesAsync(new ListQueriesRequest { EventDataStore = id, QueryStatus = QueryStatus.Cancelled });
        Assert.Equal(slow, Assert.Single(listed.Queries!).QueryId);
        await Assert.ThrowsAsync<InvalidDateRangeException>(() => client.ListQueriesAsync(new ListQueriesRequest { EventDataStore = id, StartTime = DateTimeOffset.UtcNow, EndTime = DateTimeOffset.UtcNow.AddDays(-1) }));
    }

    [Fact]
    public async Task Seeded_log_files_land_in_stores_too()
    {
        var id = await CreateStoreAsync("seeded");
        using var files = new LogFiles();
        _fake.LoadLogFiles(new[] { files.Write("seed.json", new[] { LogFiles.Record("PutObject", DateTimeOffset.UtcNow.AddMinutes(-5), "us-east-1", user: "bob") }) });

        var rows = await RunAsync("SELECT userIdentity.userName AS who FROM " + id + " WHERE eventName = 'PutObject'");

        Assert.Equal("bob", Assert.Single(rows)["who"]);
    }

    [Fact]
    public async Task A_store_keeps_its_newest_events_up_to_the_bound()
    {
        using var fake = new FakeCloudTrail(new FakeCloudTrailOptions { MaxEventsPerEventDataStore = 5 });
        using var client = Clients.InProcess(fake, "us-east-1");
        var id = (await client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "small" })).EventDataStoreArn!.Split('/')[^1];
        for (var i = 0; i < 12; i++)
        {
            await client.GetTrailAsync(new GetTrailRequest { Name = "trail-" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) }).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var queryId = (await client.StartQueryAsync(new StartQueryRequest { QueryStatement = "SELECT element_at(requestParameters, 'Name') AS trail FROM " + id + " WHERE eventName = 'GetTrail' ORDER BY trail" })).QueryId!;
        for (var i = 0; i < 600 && (await client.DescribeQueryAsync(new DescribeQueryRequest { QueryId = queryId })).QueryStatus is var s && (s == QueryStatus.Queued || s == QueryStatus.Running); i++)
        {
            await Task.Delay(50);
        }

        // The store holds the 5 newest events: the last GetTrail calls, and the StartQuery and DescribeQuery calls that
        // may be ingested before the query starts reading. So the GetTrail calls left are the newest ones, at most 5.
        var trails = (await client.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = queryId })).QueryResultRows!.Select(r => r[0]["trail"]).ToList();
        Assert.InRange(trails.Count, 1, 5);
        Assert.Equal(Enumerable.Range(12 - trails.Count, trails.Count).Select(i => "trail-" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)), trails);
    }

    private async Task<string> CreateStoreAsync(string name, AdvancedEventSelector? selector = null)
    {
        var created = await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest
        {
            Name = name,
            AdvancedEventSelectors = selector is null ? null : new[] { selector },
        });
        return created.EventDataStoreArn!.Split('/')[^1];
    }

    private async Task<List<Dictionary<string, string>>> RunAsync(string sql)
    {
        var queryId = (await _client.StartQueryAsync(new StartQueryRequest { QueryStatement = sql })).QueryId!;
        var described = await WaitAsync(queryId);
        Assert.True(described.QueryStatus == QueryStatus.Finished, described.QueryStatus + ": " + described.ErrorMessage);
        var results = await _client.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = queryId });
        return results.QueryResultRows!.Select(row => row.SelectMany(cell => cell).ToDictionary(kv => kv.Key, kv => kv.Value)).ToList();
    }

    // Queries run in the background, as in AWS: poll until the status is final (bounded, so a hang fails the test).
    private async Task<DescribeQueryResponse> WaitAsync(string queryId)
    {
        for (var i = 0; i < 600; i++)
        {
            var described = await _client.DescribeQueryAsync(new DescribeQueryRequest { QueryId = queryId });
            if (described.QueryStatus != QueryStatus.Queued && described.QueryStatus != QueryStatus.Running)
            {
                return described;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("query " + queryId + " did not finish");
    }
}
