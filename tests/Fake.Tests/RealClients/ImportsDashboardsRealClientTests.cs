using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.RealClients;

/// <summary>Lake imports and dashboards driven by real clients, unchanged, over HTTP: boto3 and the AWS CLI.</summary>
[Trait("Category", "RealClients")]
public sealed class ImportsDashboardsRealClientTests : IDisposable
{
    private const string Location = "s3://real-client-bucket/trail";
    private readonly string _folder = Directory.CreateTempSubdirectory("ct-fake-rc-import-").FullName;
    private string? _badLocation;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Two good events in one day's folder, one broken file in the next: the import ends FAILED with one failure entry.
    private Task<FakeCloudTrailHost> StartHostAsync()
    {
        var day1 = Path.Combine(_folder, "AWSLogs", "123456789012", "CloudTrail", "us-east-1", "2024", "01", "01");
        var day2 = Path.Combine(_folder, "AWSLogs", "123456789012", "CloudTrail", "us-east-1", "2024", "01", "02");
        Directory.CreateDirectory(day1);
        Directory.CreateDirectory(day2);
        var time = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);
        File.WriteAllText(Path.Combine(day1, "good.json"), new JsonObject { ["Records"] = new JsonArray(LogFiles.Record("ImportedA", time, "us-east-1"), LogFiles.Record("ImportedB", time.AddMinutes(5), "us-east-1")) }.ToJsonString());
        File.WriteAllText(Path.Combine(day2, "bad.json"), "{\"Records\": {}}");
        _badLocation = Location + "/AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/02/bad.json";
        return FakeCloudTrailHost.StartAsync(new FakeCloudTrailHostOptions
        {
            FakeOptions = new FakeCloudTrailOptions { ImportSources = new Dictionary<string, string> { [Location] = _folder } },
        });
    }

    [Fact]
    public async Task Boto3_imports_log_files_reads_the_failures_and_queries_the_events()
    {
        await using var host = await StartHostAsync();
        var name = "boto-import-" + Guid.NewGuid().ToString("N")[..8];

        var run = await ProcessRunner.RunAsync(
            ProcessRunner.StartInfo("python3", new[] { "boto3_imports_scenario.py", host.Endpoint.AbsoluteUri, name, Location }, environment: ProcessRunner.AwsEnvironment("us-east-1")),
            TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, run.ToString());

        var output = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("INITIALIZING", output.GetProperty("startedStatus").GetString());
        Assert.Equal("FAILED", output.GetProperty("finalStatus").GetString());
        var stats = output.GetProperty("statistics");
        Assert.Equal((2, 2, 1, 2, 1), (stats.GetProperty("PrefixesFound").GetInt32(), stats.GetProperty("PrefixesCompleted").GetInt32(), stats.GetProperty("FilesCompleted").GetInt32(), stats.GetProperty("EventsCompleted").GetInt32(), stats.GetProperty("FailedEntries").GetInt32()));
        var failure = Assert.Single(output.GetProperty("failures").EnumerateArray().ToList());
        Assert.Equal((_badLocation, "FAILED", "InvalidLogFile"), (failure.GetProperty("Location").GetString(), failure.GetProperty("Status").GetString(), failure.GetProperty("ErrorType").GetString()));
        Assert.Equal(new[] { output.GetProperty("importId").GetString() }, output.GetProperty("listed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "ImportedA", "ImportedB" }, output.GetProperty("queried").EnumerateArray().Select(e => e.GetString()));

        var errors = output.GetProperty("errors");
        Assert.Equal("InvalidImportSourceException", errors.GetProperty("unmapped").GetString());
        Assert.Equal("ImportNotFoundException", errors.GetProperty("unknownImport").GetString());
        Assert.Equal("InvalidParameterException", errors.GetProperty("stopFinished").GetString());
    }

    [Fact]
    public async Task The_AWS_CLI_imports_log_files_and_lists_the_failure()
    {
        await using var host = await StartHostAsync();
        var cli = new Cli(host.Endpoint, "us-east-1");

        var store = (await cli.JsonAsync("create-event-data-store", "--name", "cli-import")).GetProperty("EventDataStoreArn").GetString()!;
        var source = "S3={S3LocationUri=" + Location + ",S3BucketRegion=us-east-1,S3BucketAccessRoleArn=arn:aws:iam::123456789012:role/r}";
        var importId = (await cli.JsonAsync("start-import", "--destinations", store, "--import-source", source)).GetProperty("ImportId").GetString()!;
        string? status = null;
        JsonElement got = default;
        for (var i = 0; i < 100 && status is null or "INITIALIZING" or "IN_PROGRESS"; i++)
        {
            got = await cli.JsonAsync("get-import", "--import-id", importId);
            status = got.GetProperty("ImportStatus").GetString();
        }

        Assert.Equal("FAILED", status);
        Assert.Equal(2, got.GetProperty("ImportStatistics").GetProperty("EventsCompleted").GetInt32());
        var failures = (await cli.JsonAsync("list-import-failures", "--import-id", importId)).GetProperty("Failures");
        Assert.Equal(_badLocation, Assert.Single(failures.EnumerateArray().ToList()).GetProperty("Location").GetString());
        Assert.Equal(importId, Assert.Single((await cli.JsonAsync("list-imports", "--import-status", "FAILED")).GetProperty("Imports").EnumerateArray().ToList()).GetProperty("ImportId").GetString());

        var refused = await cli.RunAsync("start-import", "--destinations", store, "--import-source", source.Replace("real-client-bucket", "unmapped-bucket", StringComparison.Ordinal));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("InvalidImportSourceException", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boto3_creates_refreshes_and_reads_a_dashboard_and_meets_the_errors()
    {
        await using var host = await FakeCloudTrailHost.StartAsync();
        var name = "boto-dash-" + Guid.NewGuid().ToString("N")[..8];

        var run = await ProcessRunner.RunAsync(
            ProcessRunner.StartInfo("python3", new[] { "boto3_dashboards_scenario.py", host.Endpoint.AbsoluteUri, name }, environment: ProcessRunner.AwsEnvironment("eu-central-1")),
            TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, run.ToString());

        var output = JsonDocument.Parse(run.Stdout).RootElement;
        var arn = "arn:aws:cloudtrail:eu-central-1:" + FakeCloudTrail.DefaultAccountId + ":dashboard/" + name;
        Assert.Equal(arn, output.GetProperty("arn").GetString());
        Assert.Equal("CUSTOM", output.GetProperty("type").GetString());
        Assert.Equal("CREATED", output.GetProperty("status").GetString());
        Assert.Equal(new[] { "widget-1" }, output.GetProperty("aliases").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { arn }, output.GetProperty("listed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(12, output.GetProperty("scheduleValue").GetInt32());
        Assert.Matches("^[0-9]{10,20}$", output.GetProperty("refreshId").GetString());
        Assert.Equal(output.GetProperty("refreshId").GetString(), output.GetProperty("lastRefreshId").GetString());
        Assert.Equal("3", output.GetProperty("calls").GetString());

        var errors = output.GetProperty("errors");
        Assert.Equal("ConflictException", errors.GetProperty("duplicate").GetString());
        Assert.Equal("ConflictException", errors.GetProperty("protected").GetString());
        Assert.Equal("ResourceNotFoundException", errors.GetProperty("unknown").GetString());
        Assert.Equal("InvalidQueryStatementException", errors.GetProperty("notSelect").GetString());
    }

    [Fact]
    public async Task The_AWS_CLI_creates_refreshes_and_deletes_a_dashboard()
    {
        await using var host = await FakeCloudTrailHost.StartAsync();
        var cli = new Cli(host.Endpoint, "us-west-2");
        var store = (await cli.JsonAsync("create-event-data-store", "--name", "cli-dash-store")).GetProperty("EventDataStoreArn").GetString()!.Split('/')[^1];
        await cli.JsonAsync("list-trails");

        var widgets = "[{\"QueryStatement\":\"SELECT eventName FROM " + store + " WHERE eventName = 'ListTrails'\",\"ViewProperties\":{\"View\":\"Table\"}}]";
        var created = await cli.JsonAsync("create-dashboard", "--name", "cli-dash", "--widgets", widgets);
        Assert.Equal("arn:aws:cloudtrail:us-west-2:" + FakeCloudTrail.DefaultAccountId + ":dashboard/cli-dash", created.GetProperty("DashboardArn").GetString());
        var refreshId = (await cli.JsonAsync("start-dashboard-refresh", "--dashboard-id", "cli-dash")).GetProperty("RefreshId").GetString();
        Assert.Equal(refreshId, (await cli.JsonAsync("get-dashboard", "--dashboard-id", "cli-dash")).GetProperty("LastRefreshId").GetString());
        var queryId = Assert.Single((await cli.JsonAsync("list-queries", "--event-data-store", store)).GetProperty("Queries").EnumerateArray().ToList()).GetProperty("QueryId").GetString()!;
        string? status = null;
        for (var i = 0; i < 100 && status is null or "QUEUED" or "RUNNING"; i++)
        {
            status = (await cli.JsonAsync("describe-query", "--query-id", queryId)).GetProperty("QueryStatus").GetString();
        }

        Assert.Equal("FINISHED", status);
        Assert.Equal("ListTrails", (await cli.JsonAsync("get-query-results", "--query-id", queryId)).GetProperty("QueryResultRows")[0][0].GetProperty("eventName").GetString());

        await cli.JsonAsync("delete-dashboard", "--dashboard-id", "cli-dash");
        var gone = await cli.RunAsync("get-dashboard", "--dashboard-id", "cli-dash");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("ResourceNotFoundException", gone.Stderr, StringComparison.Ordinal);
    }

    private sealed class Cli(Uri endpoint, string region)
    {
        private readonly Dictionary<string, string> _environment = ProcessRunner.AwsEnvironment(region);

        public Task<ProcessResult> RunAsync(params string[] args) => ProcessRunner.RunAsync(
            ProcessRunner.StartInfo("aws", new[] { "--endpoint-url", endpoint.AbsoluteUri, "--output", "json", "cloudtrail" }.Concat(args), environment: _environment),
            TimeSpan.FromSeconds(120));

        public async Task<JsonElement> JsonAsync(params string[] args)
        {
            var run = await RunAsync(args);
            Assert.True(run.ExitCode == 0, run.ToString());
            return run.Stdout.Trim().Length == 0 ? default : JsonDocument.Parse(run.Stdout).RootElement.Clone();
        }
    }
}
