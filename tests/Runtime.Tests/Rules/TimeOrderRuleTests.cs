using System;
using CloudTrailSdk.Runtime.Rules;

namespace CloudTrailSdk.Runtime.Tests.Rules;

[Trait("Category", "Unit")]
public class TimeOrderRuleTests
{
    private static readonly DateTimeOffset Jan1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Jan2 = new(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void InOrderOrEqualOrMissingPasses()
    {
        Assert.Null(TimeOrderRule.Check(Jan1, Jan2, "StartTime", "EndTime"));
        Assert.Null(TimeOrderRule.Check(Jan1, Jan1, "StartTime", "EndTime"));
        Assert.Null(TimeOrderRule.Check(null, Jan1, "StartTime", "EndTime"));
        Assert.Null(TimeOrderRule.Check(Jan2, null, "StartTime", "EndTime"));
    }

    [Fact]
    public void StartAfterEndIsReportedInUtcIso8601() =>
        Assert.Equal(
            "StartTime 2024-01-02T00:00:00Z is after EndTime 2024-01-01T00:00:00Z",
            TimeOrderRule.Check(Jan2, Jan1, "StartTime", "EndTime"));

    [Fact]
    public void OffsetsAreConvertedAndFractionsKept()
    {
        var start = new DateTimeOffset(2024, 1, 1, 2, 0, 0, 500, TimeSpan.FromHours(2)); // 00:00:00.5Z
        var end = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal("From 2024-01-01T00:00:00.5Z is after To 2024-01-01T00:00:00Z", TimeOrderRule.Check(start, end, "From", "To"));
    }
}
