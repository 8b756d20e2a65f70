using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Insights;

/// <summary>ListInsightsMetricData: call and error counts per period, computed from seeded and recorded management events.</summary>
[Trait("Category", "Unit")]
public sealed class InsightsMetricDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Hour0 = new(2026, 6, 10, 8, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Now);
    private readonly FakeCloudTrail _fake;
    private readonly CloudTrailClient _client;

    public InsightsMetricDataTests()
    {
        _fake = new FakeCloudTrail(new FakeCloudTrailOptions { TimeProvider = _clock });
        _client = Clients.InProcess(_fake, "us-east-1");

        // PutBucketPolicy: 3 calls in hour 0 (one AccessDenied), none in hour 1, 2 in hour 2 (both AccessDenied).
        Seed(
            Call("PutBucketPolicy", Hour0.AddMinutes(5)),
            Call("PutBucketPolicy", Hour0.AddMinutes(6), "AccessDenied"),
            Call("PutBucketPolicy", Hour0.AddMinutes(59)),
            Call("PutBucketPolicy", Hour0.AddHours(2).AddMinutes(1), "AccessDenied"),
            Call("PutBucketPolicy", Hour0.AddHours(2).AddMinutes(30), "AccessDenied"),
            Call("GetBucketPolicy", Hour0.AddMinutes(10)));
    }

    [Fact]
    public async Task Call_counts_per_hour_leave_out_empty_hours_by_default()
    {
        var data = await _client.ListInsightsMetricDataAsync(Request(InsightType.ApiCallRateInsight));

        Assert.Equal(new[] { Hour0, Hour0.AddHours(2) }, data.Timestamps);
        Assert.Equal(new[] { 3.0, 2.0 }, data.Values);
        Assert.Equal("s3.amazonaws.com", data.EventSource);
        Assert.Null(data.NextToken);
    }

    [Fact]
    public async Task FillWithZeros_answers_every_period_of_the_window_and_pages()
    {
        var request = Request(InsightType.ApiCallRateInsight) with { DataType = InsightsMetricDataType.FillWithZeros, MaxResults = 2 };
        var first = await _client.ListInsightsMetricDataAsync(request);
        var second = await _client.ListInsightsMetricDataAsync(request with { NextToken = first.NextToken });

        Assert.Equal(new[] { 3.0, 0.0 }, first.Values);
        Assert.Equal(new[] { 2.0, 0.0 }, second.Values);
        Assert.Equal(new[] { Hour0.AddHours(2), Hour0.AddHours(3) }, second.Timestamps);
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async Task Error_counts_take_only_the_error_code_asked_for_and_five_minute_periods_split_the_hour()
    {
        var errors = await _client.ListInsightsMetricDataAsync(Request(InsightType.ApiErrorRateInsight) with { ErrorCodeValue = "AccessDenied" });
        var fine = await _client.ListInsightsMetricDataAsync(Request(InsightType.ApiCallRateInsight) with { Period = 300, EndTime = Hour0.AddHours(1) });

        Assert.Equal(new[] { 1.0, 2.0 }, errors.Values);
        Assert.Equal(new[] { Hour0.AddMinutes(5), Hour0.AddMinutes(55) }, fine.Timestamps);
        Assert.Equal(new[] { 2.0, 1.0 }, fine.Values);
    }

    [Fact]
    public async Task The_fakes_own_calls_are_counted_and_the_window_defaults_to_the_last_90_days()
    {
        await _client.ListTrailsAsync(new ListTrailsRequest());
        await _client.ListTrailsAsync(new ListTrailsRequest());
        var trail = await _client.CreateTrailAsync(new CreateTrailRequest { Name = "insightful", S3BucketName = "bucket" });
        _clock.Advance(TimeSpan.FromMinutes(1));

        var data = await _client.ListInsightsMetricDataAsync(new ListInsightsMetricDataRequest
        {
            EventSource = "cloudtrail.amazonaws.com",
            EventName = "ListTrails",
            InsightType = InsightType.ApiCallRateInsight,
            TrailName = "insightful",
        });

        Assert.Equal(new[] { 2.0 }, data.Values);
        Assert.Equal(trail.TrailARN, data.TrailARN);
    }

    [Fact]
    public async Task The_modelled_errors()
    {
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => _client.ListInsightsMetricDataAsync(Request(InsightType.ApiCallRateInsight) with { Period = 120 })));
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => _client.ListInsightsMetricDataAsync(Request(InsightType.ApiErrorRateInsight))));
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => _client.ListInsightsMetricDataAsync(Request(InsightType.ApiCallRateInsight) with { ErrorCodeValue = "AccessDenied" })));
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => _client.ListInsightsMetricDataAsync(Request(InsightType.ApiCallRateInsight) with { StartTime = Hour0, EndTime = Hour0 })));
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => _client.ListInsightsMetricDataAsync(Request(InsightType.ApiCallRateInsight) with { NextToken = "not-a-token" })));
        Assert.Equal("InvalidTrailNameException", await Errors.CodeOf(() => _client.ListInsightsMetricDataAsync(Request(InsightType.ApiCallRateInsight) with { TrailName = "no-such-trail" })));
    }

    private static ListInsightsMetricDataRequest Request(InsightType type) => new()
    {
        EventSource = "s3.amazonaws.com",
        EventName = "PutBucketPolicy",
        InsightType = type,
        StartTime = Hour0,
        EndTime = Hour0.AddHours(4),
    };

    private static JsonObject Call(string name, DateTimeOffset time, string? errorCode = null)
    {
        var record = LogFiles.Record(name, time, "us-east-1");
        if (errorCode is not null)
        {
            record["errorCode"] = errorCode;
        }

        return record;
    }

    private void Seed(params JsonObject[] records)
    {
        var json = new JsonObject { ["Records"] = new JsonArray(records.Select(r => (JsonNode)r).ToArray()) }.ToJsonString();
        _fake.LoadLogFile(new MemoryStream(Encoding.UTF8.GetBytes(json)), "insights-seed.json");
    }
}
