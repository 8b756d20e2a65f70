using CloudTrailSdk.Runtime.Rules;

namespace CloudTrailSdk.Runtime.Tests.Rules;

[Trait("Category", "Unit")]
public class EnumRuleTests
{
    private static readonly string[] ReadWrite = { "ReadOnly", "WriteOnly", "All" };

    [Fact]
    public void KnownValuePasses() => Assert.Null(EnumRule.Check("WriteOnly", ReadWrite));

    [Fact]
    public void UnknownValueListsKnownValues() =>
        Assert.Equal("'foo' is not a known value; known values: ReadOnly, WriteOnly, All", EnumRule.Check("foo", ReadWrite));

    [Fact]
    public void ComparisonIsOrdinal() => Assert.NotNull(EnumRule.Check("readonly", ReadWrite));

    [Fact]
    public void NothingKnownMeansNothingToJudge() => Assert.Null(EnumRule.Check("foo", new string[0]));

    [Theory]
    [InlineData("readonly", "ReadOnly")]
    [InlineData("WriteOnyl", "WriteOnly")]
    [InlineData("al", "All")]
    [InlineData("ALL", "All")]
    [InlineData("Read", "ReadOnly")]
    public void ClosestFindsTheNearestValue(string value, string expected) => Assert.Equal(expected, EnumRule.Closest(value, ReadWrite));

    [Fact]
    public void ClosestBreaksTiesByListOrder()
    {
        Assert.Equal("ab", EnumRule.Closest("a", new[] { "ab", "ac" }));
        Assert.Equal("ac", EnumRule.Closest("a", new[] { "ac", "ab" }));
        Assert.Null(EnumRule.Closest("a", new string[0]));
    }

    [Fact]
    public void AllowedValuesIsAClosedOrdinalSet()
    {
        var allowed = new[] { "Standard", "Enterprise" };
        Assert.Null(AllowedValuesRule.Check("Standard", allowed));
        Assert.Equal("'standard' is not an allowed value; allowed values: Standard, Enterprise", AllowedValuesRule.Check("standard", allowed));
        Assert.Equal("'x' is not an allowed value; allowed values: (none)", AllowedValuesRule.Check("x", new string[0]));
    }
}
