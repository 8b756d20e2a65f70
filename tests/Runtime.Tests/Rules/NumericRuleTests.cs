using CloudTrailSdk.Runtime.Rules;

namespace CloudTrailSdk.Runtime.Tests.Rules;

[Trait("Category", "Unit")]
public class NumericRuleTests
{
    [Theory]
    [InlineData(1, 1, 50)]
    [InlineData(50, 1, 50)]
    [InlineData(-1e300, double.NaN, double.NaN)]
    [InlineData(0.5, 0, double.NaN)]
    public void RangeWithinBoundsPasses(double value, double min, double max) => Assert.Null(RangeRule.Check(value, min, max));

    [Fact]
    public void RangeAboveMaximum() => Assert.Equal("51 is above the maximum of 50", RangeRule.Check(51, 1, 50));

    [Fact]
    public void RangeBelowMinimumUsesInvariantDecimals() => Assert.Equal("0.5 is below the minimum of 1.25", RangeRule.Check(0.5, 1.25, double.NaN));

    [Fact]
    public void RangeMessageIgnoresTheCurrentCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("0.5 is below the minimum of 1.25", RangeRule.Check(0.5, 1.25, double.NaN));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void RangeRejectsNaNWhenBounded()
    {
        Assert.NotNull(RangeRule.Check(double.NaN, 1, 50));
        Assert.Null(RangeRule.Check(double.NaN, double.NaN, double.NaN));
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1000, -1, -1)]
    public void CountWithinBoundsPasses(int count, long min, long max) => Assert.Null(CountRule.Check(count, min, max));

    [Fact]
    public void CountAboveMaximum() => Assert.Equal("holds 2 items; at most 1 allowed", CountRule.Check(2, 0, 1));

    [Fact]
    public void CountBelowMinimum()
    {
        Assert.Equal("holds 0 items; at least 1 required", CountRule.Check(0, 1, 5));
        Assert.Equal("holds 1 item; at least 2 required", CountRule.Check(1, 2, 5));
    }

    [Fact]
    public void TotalCount()
    {
        Assert.Null(TotalCountRule.Check(250, 250, "data resources"));
        Assert.Null(TotalCountRule.Check(9999, -1, "data resources"));
        Assert.Equal("251 in total for data resources; at most 250 allowed", TotalCountRule.Check(251, 250, "data resources"));
        Assert.Equal(
            "251 in total for EventSelectors[].DataResources[].Values[]; at most 250 allowed",
            CountRule.CheckTotal(251, 250, "EventSelectors[].DataResources[].Values[]"));
        Assert.Null(CountRule.CheckTotal(250, 250, "x"));
    }
}
