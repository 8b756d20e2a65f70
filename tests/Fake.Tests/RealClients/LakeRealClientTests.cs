using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.RealClients;

/// <summary>CloudTrail Lake driven by real clients, unchanged, over HTTP: a store, calls landing in it, a query to FINISHED, paged results, errors.</summary>
[Trait("Category", "RealClients")]
public sealed class LakeRealClientTests
{
    [Fact]
    public async Task Boto3_creates_a_store_queries_it_pages_the_results_and_meets_the_errors()
    {
        await using var host = await FakeCloudTrailHost.StartAsync();
        var name = "boto-lake-" + Guid.NewGuid().ToString("N")[..8];

        var run = await ProcessRunner.RunAsync(
            ProcessRunner.StartInfo("python3", new[] { "boto3_lake_scenario.py", host.Endpoint.AbsoluteUri, name, "2" }, environment: ProcessRunner.AwsEnvironment("eu-west-1")),
            TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, run.ToString());

        AssertScenario(JsonDocument.Parse(run.Stdout).RootElement, name);
    }

    [Fact]
    public async Task The_JS_SDK_v3_creates_a_store_queries_it_pages_the_results_and_meets_the_errors()
    {
        NodeModules.EnsureInstalled();
        await using var host = await FakeCloudTrailHost.StartAsync();
        var name = "js-lake-" + Guid.NewGuid().ToString("N")[..8];

        var run = await ProcessRunner.RunAsync(
            ProcessRunner.StartInfo("node", new[] { "lake_scenario.mjs", host.Endpoint.AbsoluteUri, name, "2" }, NodeModules.Directory, ProcessRunner.AwsEnvironment("ap-northeast-1")),
            TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, run.ToString());

        AssertScenario(JsonDocument.Parse(run.Stdout).RootElement, name);
    }

    [Fact]
    public async Task Our_client_over_HTTP_runs_the_same_query_to_FINISHED()
    {
        await using var host = await FakeCloudTrailHost.StartAsync();
        using var client = Clients.OverHttp(host.Endpoint, "eu-north-1");
        var id = (await client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "ours-over-http" })).EventDataStoreArn!.Split('/')[^1];
        await client.ListTrailsAsync(new ListTrailsRequest());

        var queryId = (await client.StartQueryAsync(new StartQueryRequest { QueryStatement = "SELECT eventName FROM " + id + " WHERE eventName = 'ListTrails'" })).QueryId!;
        QueryStatus? status = null;
        for (var i = 0; i < 200 && (status is null || status == QueryStatus.Queued || status == QueryStatus.Running); i++)
        {
            status = (await client.DescribeQueryAsync(new DescribeQueryRequest { QueryId = queryId })).QueryStatus;
            await Task.Delay(50);
        }

        Assert.Equal(QueryStatus.Finished, status);
        var results = await client.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = queryId });
        Assert.Equal("ListTrails", Assert.Single(results.QueryResultRows!)[0]["eventName"]);
    }

    private static void AssertScenario(JsonElement output, string name)
    {
        Assert.Equal("ENABLED", output.GetProperty("created").GetProperty("Status").GetString());
        Assert.Equal(30, output.GetProperty("created").GetProperty("RetentionPeriod").GetInt32());
        Assert.Equal("FINISHED", output.GetProperty("finalStatus").GetString());
        Assert.Equal(5, output.GetProperty("statistics").GetProperty("EventsMatched").GetInt64());
        Assert.Equal(3, output.GetProperty("pages").GetInt32());
        var rows = output.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(new[] { "eventName", "ListTrails" }, r[0].EnumerateArray().Select(x => x.GetString())));
        Assert.Contains(name, output.GetProperty("listedStores").EnumerateArray().Select(s => s.GetString()));

        var errors = output.GetProperty("errors");
        Assert.Equal("InvalidQueryStatementException", errors.GetProperty("notSelect").GetString());
        Assert.Equal("EventDataStoreNotFoundException", errors.GetProperty("unknownStore").GetString());
        Assert.Equal("EventDataStoreAlreadyExistsException", errors.GetProperty("duplicate").GetString());
        Assert.Equal("EventDataStoreTerminationProtectedException", errors.GetProperty("protected").GetString());
        Assert.Equal("QueryIdNotFoundException", errors.GetProperty("unknownQuery").GetString());
    }

    [Fact]
    public async Task The_AWS_CLI_creates_a_store_and_runs_a_query_to_FINISHED()
    {
        await using var host = await FakeCloudTrailHost.StartAsync();
        var environment = ProcessRunner.AwsEnvironment("us-west-2");
        async Task<JsonElement> Aws(params string[] args)
        {
            var run = await ProcessRunner.RunAsync(
                ProcessRunner.StartInfo("aws", new[] { "--endpoint-url", host.Endpoint.AbsoluteUri, "--output", "json", "cloudtrail" }.Concat(args), environment: environment),
                TimeSpan.FromSeconds(120));
            Assert.True(run.ExitCode == 0, run.ToString());
            return run.Stdout.Trim().Length == 0 ? default : JsonDocument.Parse(run.Stdout).RootElement.Clone();
        }

        var created = await Aws("create-event-data-store", "--name", "cli-lake");
        var id = created.GetProperty("EventDataStoreArn").GetString()!.Split('/')[^1];
        await Aws("list-trails");
        await Aws("list-trails");
        var queryId = (await Aws("start-query", "--query-statement", "SELECT eventName FROM " + id + " WHERE eventName = 'ListTrails'")).GetProperty("QueryId").GetString()!;
        string? status = null;
        for (var i = 0; i < 100 && status is null or "QUEUED" or "RUNNING"; i++)
        {
            status = (await Aws("describe-query", "--query-id", queryId)).GetProperty("QueryStatus").GetString();
        }

        Assert.Equal("FINISHED", status);

        // GetQueryResults has no CLI paginator: page by hand with the token, one row a page.
        var first = await Aws("get-query-results", "--query-id", queryId, "--max-query-results", "1");
        var second = await Aws("get-query-results", "--query-id", queryId, "--max-query-results", "1", "--next-token", first.GetProperty("NextToken").GetString()!);
        Assert.Equal("ListTrails", first.GetProperty("QueryResultRows")[0][0].GetProperty("eventName").GetString());
        Assert.Equal("ListTrails", second.GetProperty("QueryResultRows")[0][0].GetProperty("eventName").GetString());
        Assert.False(second.TryGetProperty("NextToken", out _));

        var refused = await ProcessRunner.RunAsync(
            ProcessRunner.StartInfo("aws", new[] { "--endpoint-url", host.Endpoint.AbsoluteUri, "cloudtrail", "start-query", "--query-statement", "DELETE FROM " + id }, environment: environment),
            TimeSpan.FromSeconds(120));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("InvalidQueryStatementException", refused.Stderr, StringComparison.Ordinal);
    }
}
