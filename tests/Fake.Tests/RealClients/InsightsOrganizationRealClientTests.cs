using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.RealClients;

/// <summary>
/// Insights data, organization, public keys, sample queries and GenerateQuery driven by real clients, unchanged, over
/// HTTP, with two accounts told apart by access key.
/// </summary>
[Trait("Category", "RealClients")]
public sealed class InsightsOrganizationRealClientTests
{
    private const string Management = "111111111111";
    private const string Member = "222222222222";
    private const string ManagementKey = "AKIAREALMANAGEMENT01";
    private const string MemberKey = "AKIAREALMEMBER000001";
    private const string Prompt = "Show the newest calls";

    [Fact]
    public async Task Boto3_covers_insights_organization_public_keys_sample_queries_and_generate_query()
    {
        using var fake = NewFake();
        await using var host = await FakeCloudTrailHost.StartAsync(new FakeCloudTrailHostOptions { Fake = fake });

        var run = await ProcessRunner.RunAsync(
            ProcessRunner.StartInfo("python3", new[] { "boto3_insights_organization_scenario.py", host.Endpoint.AbsoluteUri, ManagementKey, MemberKey, Prompt }, environment: ProcessRunner.AwsEnvironment("us-east-1")),
            TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, run.ToString());
        var output = JsonDocument.Parse(run.Stdout).RootElement;

        Assert.Equal(3, output.GetProperty("metricTotal").GetDouble());
        Assert.Equal(new[] { "DeleteObject" }, output.GetProperty("insightPage").EnumerateArray().Select(e => e.GetString()));
        Assert.True(output.GetProperty("insightHasNext").GetBoolean());
        Assert.Equal(new[] { output.GetProperty("trailArn").GetString() }, output.GetProperty("memberTrails").EnumerateArray().Select(e => e.GetString()));
        var key = Assert.Single(output.GetProperty("keys").EnumerateArray());
        Assert.Matches("^[0-9a-f]{32}$", key.GetProperty("fingerprint").GetString());
        Assert.InRange(key.GetProperty("bytes").GetInt32(), 260, 280);
        Assert.Equal("Access denied calls by user", output.GetProperty("samples")[0].GetString());
        Assert.True(output.GetProperty("sampleHasNext").GetBoolean());
        var generated = output.GetProperty("generated");
        Assert.Equal("SELECT eventName, eventTime FROM " + generated.GetProperty("storeId").GetString() + " ORDER BY eventTime DESC LIMIT 10", generated.GetProperty("statement").GetString());
        Assert.Equal(Management, generated.GetProperty("owner").GetString());

        var errors = output.GetProperty("errors");
        Assert.Equal("InvalidParameterException", errors.GetProperty("period").GetString());
        Assert.Equal("InvalidParameterException", errors.GetProperty("noErrorCode").GetString());
        Assert.Equal("InvalidParameterException", errors.GetProperty("badSource").GetString());
        Assert.Equal("NotOrganizationManagementAccountException", errors.GetProperty("memberRegisters").GetString());
        Assert.Equal("CannotDelegateManagementAccountException", errors.GetProperty("managementAsAdmin").GetString());
        Assert.Equal("NotOrganizationMasterAccountException", errors.GetProperty("memberDeletes").GetString());
        Assert.Equal("AccountRegisteredException", errors.GetProperty("registeredTwice").GetString());
        Assert.Equal("AccountNotRegisteredException", errors.GetProperty("notRegistered").GetString());
        Assert.Equal("InvalidTimeRangeException", errors.GetProperty("timeRange").GetString());
        Assert.Equal("InvalidParameterException", errors.GetProperty("sampleToken").GetString());
        Assert.Equal("GenerateResponseException", errors.GetProperty("unregisteredPrompt").GetString());
        Assert.Equal("EventDataStoreNotFoundException", errors.GetProperty("unknownStore").GetString());
    }

    [Fact]
    public async Task The_AWS_CLI_covers_the_same_families()
    {
        using var fake = NewFake();
        await using var host = await FakeCloudTrailHost.StartAsync(new FakeCloudTrailHostOptions { Fake = fake });
        async Task<(int Exit, JsonElement Json, string Stderr)> Aws(string accessKey, params string[] args)
        {
            var run = await ProcessRunner.RunAsync(
                ProcessRunner.StartInfo("aws", new[] { "--endpoint-url", host.Endpoint.AbsoluteUri, "--output", "json", "cloudtrail" }.Concat(args), environment: ProcessRunner.AwsEnvironment("us-east-1", accessKey)),
                TimeSpan.FromSeconds(120));
            return (run.ExitCode, run.ExitCode == 0 && run.Stdout.Trim().Length > 0 ? JsonDocument.Parse(run.Stdout).RootElement.Clone() : default, run.Stderr);
        }

        async Task<JsonElement> Ok(string accessKey, params string[] args)
        {
            var (exit, json, stderr) = await Aws(accessKey, args);
            Assert.True(exit == 0, string.Join(' ', args) + ": " + stderr);
            return json;
        }

        async Task Fails(string code, string accessKey, params string[] args)
        {
            var (exit, _, stderr) = await Aws(accessKey, args);
            Assert.NotEqual(0, exit);
            Assert.Contains(code, stderr, StringComparison.Ordinal);
        }

        var trailArn = (await Ok(ManagementKey, "create-trail", "--name", "cli-org-trail", "--s3-bucket-name", "bucket", "--is-organization-trail")).GetProperty("TrailARN").GetString()!;
        await Ok(ManagementKey, "list-trails");
        var metric = await Ok(ManagementKey, "list-insights-metric-data", "--event-source", "cloudtrail.amazonaws.com", "--event-name", "CreateTrail", "--insight-type", "ApiCallRateInsight", "--period", "300");
        Assert.Equal(1, metric.GetProperty("Values").EnumerateArray().Sum(v => v.GetDouble()));
        await Fails("InvalidParameterException", ManagementKey, "list-insights-metric-data", "--event-source", "cloudtrail.amazonaws.com", "--event-name", "CreateTrail", "--insight-type", "ApiCallRateInsight", "--period", "90");
        var insights = await Ok(ManagementKey, "list-insights-data", "--insight-source", trailArn, "--data-type", "InsightsEvents");
        Assert.Equal(new[] { "DeleteObject", "PutBucketPolicy" }, insights.GetProperty("Events").EnumerateArray().Select(e => e.GetProperty("EventName").GetString()));

        var memberTrails = await Ok(MemberKey, "describe-trails");
        Assert.Equal(trailArn, Assert.Single(memberTrails.GetProperty("trailList").EnumerateArray()).GetProperty("TrailARN").GetString());
        await Fails("NotOrganizationMasterAccountException", MemberKey, "stop-logging", "--name", trailArn);
        await Fails("NotOrganizationManagementAccountException", MemberKey, "register-organization-delegated-admin", "--member-account-id", Member);
        await Ok(ManagementKey, "register-organization-delegated-admin", "--member-account-id", Member);
        await Fails("AccountNotFoundException", ManagementKey, "deregister-organization-delegated-admin", "--delegated-admin-account-id", "999999999999");
        await Ok(ManagementKey, "deregister-organization-delegated-admin", "--delegated-admin-account-id", Member);

        var keys = await Ok(ManagementKey, "list-public-keys");
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(keys.GetProperty("PublicKeyList").EnumerateArray()).GetProperty("Fingerprint").GetString());
        await Fails("InvalidTimeRangeException", ManagementKey, "list-public-keys", "--start-time", "2026-01-02T00:00:00Z", "--end-time", "2026-01-01T00:00:00Z");

        var samples = await Ok(ManagementKey, "search-sample-queries", "--search-phrase", "console sign-in");
        Assert.Equal("Console sign-in events", samples.GetProperty("SearchResults")[0].GetProperty("Name").GetString());

        var storeArn = (await Ok(ManagementKey, "create-event-data-store", "--name", "cli-generated")).GetProperty("EventDataStoreArn").GetString()!;
        var generated = await Ok(ManagementKey, "generate-query", "--event-data-stores", storeArn, "--prompt", Prompt);
        Assert.Contains(storeArn.Split('/')[^1], generated.GetProperty("QueryStatement").GetString(), StringComparison.Ordinal);
        await Fails("GenerateResponseException", ManagementKey, "generate-query", "--event-data-stores", storeArn, "--prompt", "nobody registered this");
    }

    private static FakeCloudTrail NewFake()
    {
        var fake = new FakeCloudTrail(new FakeCloudTrailOptions
        {
            Accounts = new Dictionary<string, string> { [ManagementKey] = Management, [MemberKey] = Member },
            Organization = new FakeOrganization { ManagementAccountId = Management, MemberAccountIds = new[] { Member } },
            GeneratedQueries = new Dictionary<string, string> { [Prompt] = "SELECT eventName, eventTime FROM $EDS_ID ORDER BY eventTime DESC LIMIT 10" },
        });

        // Two insight events in the management account's region, an hour apart.
        var now = DateTimeOffset.UtcNow;
        var records = new[] { LogFiles.Record("PutBucketPolicy", now.AddHours(-2), "us-east-1", category: "Insight"), LogFiles.Record("DeleteObject", now.AddHours(-1), "us-east-1", category: "Insight") };
        foreach (var record in records)
        {
            record["recipientAccountId"] = Management;
        }

        var json = new JsonObject { ["Records"] = new JsonArray(records.Select(r => (JsonNode)r).ToArray()) }.ToJsonString();
        fake.LoadLogFile(new MemoryStream(Encoding.UTF8.GetBytes(json)), "real-client-insights.json");
        return fake;
    }
}
