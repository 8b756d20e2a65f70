using System;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests;

[Trait("Category", "Unit")]
public sealed class InsightSelectorTests : IDisposable
{
    private readonly CloudTrailClient _client = Clients.InProcess(new FakeCloudTrail(), "us-east-1");

    public void Dispose() => _client.Dispose();

    private Task CreateAsync(string name) => _client.CreateTrailAsync(new CreateTrailRequest { Name = name, S3BucketName = "bucket" });

    [Fact]
    public async Task Put_then_Get_round_trips_and_marks_the_trail()
    {
        await CreateAsync("insightful");
        var selectors = new[] { new InsightSelector { InsightType = InsightType.ApiCallRateInsight }, new InsightSelector { InsightType = InsightType.ApiErrorRateInsight } };

        var put = await _client.PutInsightSelectorsAsync(new PutInsightSelectorsRequest { TrailName = "insightful", InsightSelectors = selectors });
        var got = await _client.GetInsightSelectorsAsync(new GetInsightSelectorsRequest { TrailName = "insightful" });

        Assert.Equal(selectors.Select(s => s.InsightType), put.InsightSelectors!.Select(s => s.InsightType));
        Assert.Equal(selectors.Select(s => s.InsightType), got.InsightSelectors!.Select(s => s.InsightType));
        Assert.Equal(put.TrailARN, got.TrailARN);
        Assert.True((await _client.GetTrailAsync(new GetTrailRequest { Name = "insightful" })).Trail!.HasInsightSelectors);
    }

    [Fact]
    public async Task An_empty_list_turns_Insights_off()
    {
        await CreateAsync("insight-off");
        await _client.PutInsightSelectorsAsync(new PutInsightSelectorsRequest { TrailName = "insight-off", InsightSelectors = new[] { new InsightSelector { InsightType = InsightType.ApiCallRateInsight } } });

        await _client.PutInsightSelectorsAsync(new PutInsightSelectorsRequest { TrailName = "insight-off", InsightSelectors = Array.Empty<InsightSelector>() });

        Assert.False((await _client.GetTrailAsync(new GetTrailRequest { Name = "insight-off" })).Trail!.HasInsightSelectors);
        Assert.Equal("InsightNotEnabledException", await Errors.CodeOf(() => _client.GetInsightSelectorsAsync(new GetInsightSelectorsRequest { TrailName = "insight-off" })));
    }

    [Fact]
    public async Task Get_on_a_trail_without_Insights_is_InsightNotEnabledException()
    {
        await CreateAsync("no-insights");

        Assert.Equal("InsightNotEnabledException", await Errors.CodeOf(() => _client.GetInsightSelectorsAsync(new GetInsightSelectorsRequest { TrailName = "no-insights" })));
    }

    [Fact]
    public async Task A_type_twice_is_InvalidInsightSelectorsException()
    {
        await CreateAsync("insight-dupes");
        var twice = new[] { new InsightSelector { InsightType = InsightType.ApiCallRateInsight }, new InsightSelector { InsightType = InsightType.ApiCallRateInsight } };

        Assert.Equal("InvalidInsightSelectorsException", await Errors.CodeOf(() => _client.PutInsightSelectorsAsync(new PutInsightSelectorsRequest { TrailName = "insight-dupes", InsightSelectors = twice })));
    }

    [Fact]
    public async Task Insights_need_a_trail_that_logs_management_events()
    {
        await CreateAsync("data-only");
        await _client.PutEventSelectorsAsync(new PutEventSelectorsRequest { TrailName = "data-only", EventSelectors = new[] { new EventSelector { IncludeManagementEvents = false } } });

        var code = await Errors.CodeOf(() => _client.PutInsightSelectorsAsync(new PutInsightSelectorsRequest { TrailName = "data-only", InsightSelectors = new[] { new InsightSelector { InsightType = InsightType.ApiCallRateInsight } } }));

        Assert.Equal("InvalidInsightSelectorsException", code);
    }

    [Fact]
    public async Task Selectors_of_a_missing_trail_are_TrailNotFoundException()
    {
        Assert.Equal("TrailNotFoundException", await Errors.CodeOf(() => _client.GetInsightSelectorsAsync(new GetInsightSelectorsRequest { TrailName = "never-made" })));
    }
}
