using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Insights;

/// <summary>ListInsightsData: the insight events the fake holds, for a trail or event data store, filtered and paged.</summary>
[Trait("Category", "Unit")]
public sealed class InsightsDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeCloudTrail _fake;
    private readonly CloudTrailClient _client;

    public InsightsDataTests()
    {
        _fake = new FakeCloudTrail(new FakeCloudTrailOptions { TimeProvider = new ManualTimeProvider(Now) });
        _client = Clients.InProcess(_fake, "us-east-1");
        var records = new[]
        {
            LogFiles.Record("PutBucketPolicy", Now.AddHours(-5), "us-east-1", category: "Insight"),
            LogFiles.Record("PutBucketPolicy", Now.AddHours(-3), "us-east-1", category: "Insight"),
            LogFiles.Record("DeleteObject", Now.AddHours(-2), "us-east-1", category: "Insight"),
            LogFiles.Record("PutBucketPolicy", Now.AddHours(-1), "us-east-1"),
        };
        var json = new JsonObject { ["Records"] = new JsonArray(records.Select(r => (JsonNode)r).ToArray()) }.ToJsonString();
        _fake.LoadLogFile(new MemoryStream(Encoding.UTF8.GetBytes(json)), "insight-events.json");
    }

    [Fact]
    public async Task A_trails_insight_events_come_newest_first_and_page()
    {
        var trail = await Trail();
        var first = await _client.ListInsightsDataAsync(new ListInsightsDataRequest { InsightSource = trail, DataType = ListInsightsDataType.InsightsEvents, MaxResults = 2 });
        var second = await _client.ListInsightsDataAsync(new ListInsightsDataRequest { InsightSource = trail, DataType = ListInsightsDataType.InsightsEvents, MaxResults = 2, NextToken = first.NextToken });

        Assert.Equal(new[] { "DeleteObject", "PutBucketPolicy" }, first.Events!.Select(e => e.EventName));
        Assert.Equal(new[] { "PutBucketPolicy" }, second.Events!.Select(e => e.EventName));
        Assert.Null(second.NextToken);
        Assert.All(first.Events!.Concat(second.Events!), e => Assert.Contains("AwsCloudTrailInsight", e.CloudTrailEvent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dimension_and_a_window_narrow_the_events_and_a_store_is_a_source_too()
    {
        var store = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "insights-store" })).EventDataStoreArn!;
        var byName = await _client.ListInsightsDataAsync(new ListInsightsDataRequest
        {
            InsightSource = store,
            DataType = ListInsightsDataType.InsightsEvents,
            Dimensions = new System.Collections.Generic.Dictionary<ListInsightsDataDimensionKey, string> { [ListInsightsDataDimensionKey.EventName] = "PutBucketPolicy" },
        });
        var windowed = await _client.ListInsightsDataAsync(new ListInsightsDataRequest
        {
            InsightSource = store,
            DataType = ListInsightsDataType.InsightsEvents,
            StartTime = Now.AddHours(-4),
            EndTime = Now.AddHours(-2.5),
        });

        Assert.Equal(2, byName.Events!.Count);
        Assert.All(byName.Events!, e => Assert.Equal("PutBucketPolicy", e.EventName));
        Assert.Equal(Now.AddHours(-3), Assert.Single(windowed.Events!).EventTime);
    }

    [Fact]
    public async Task The_modelled_errors()
    {
        var trail = await Trail();
        async Task<string> Fails(ListInsightsDataRequest request) => await Errors.CodeOf(() => _client.ListInsightsDataAsync(request));

        Assert.Equal("InvalidParameterException", await Fails(new() { InsightSource = "not-an-arn", DataType = ListInsightsDataType.InsightsEvents }));
        Assert.Equal("InvalidParameterException", await Fails(new() { InsightSource = "arn:aws:cloudtrail:us-east-1:123456789012:trail/missing", DataType = ListInsightsDataType.InsightsEvents }));
        Assert.Equal("InvalidParameterException", await Fails(new() { InsightSource = "arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/" + Guid.NewGuid(), DataType = ListInsightsDataType.InsightsEvents }));
        Assert.Equal("InvalidParameterException", await Fails(new() { InsightSource = trail, DataType = ListInsightsDataType.InsightsEvents, StartTime = Now, EndTime = Now.AddHours(-1) }));
        Assert.Equal("InvalidParameterException", await Fails(new() { InsightSource = trail, DataType = ListInsightsDataType.InsightsEvents, NextToken = "bogus-token" }));
    }

    private async Task<string> Trail() =>
        (await _client.CreateTrailAsync(new CreateTrailRequest { Name = "insights-trail", S3BucketName = "bucket" })).TrailARN!;
}
