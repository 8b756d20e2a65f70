using CloudTrailSdk.Runtime.Rules;

namespace CloudTrailSdk.Runtime.Tests.Rules;

[Trait("Category", "Unit")]
public class LengthRuleTests
{
    [Theory]
    [InlineData("abc", 3, 5)]
    [InlineData("abcde", 3, 5)]
    [InlineData("", -1, -1)]
    [InlineData("", 0, 0)]
    [InlineData("anything at all", -1, 100)]
    [InlineData("x", 1, -1)]
    public void WithinBoundsPasses(string value, long min, long max) => Assert.Null(LengthRule.Check(value, min, max));

    [Fact]
    public void BelowMinimumSaysSo() => Assert.Equal("length 2 is below the minimum of 3", LengthRule.Check("ab", 3, 5));

    [Fact]
    public void AboveMaximumSaysSo() => Assert.Equal("length 6 is above the maximum of 5", LengthRule.Check("abcdef", 3, 5));

    [Fact]
    public void SurrogatePairCountsAsOneCodePoint()
    {
        const string emoji = "\U0001F600"; // Two UTF-16 chars, one code point.
        Assert.Equal(2, emoji.Length);
        Assert.Equal(1, LengthRule.CodePointCount(emoji));
        Assert.Equal(3, LengthRule.CodePointCount("a" + emoji + "b"));

        // Three code points in six UTF-16 chars: fits a maximum of 3 and meets a minimum of 3.
        var three = emoji + emoji + emoji;
        Assert.Null(LengthRule.Check(three, 3, 3));
        Assert.Equal("length 3 is below the minimum of 4", LengthRule.Check(three, 4, -1));
        Assert.Equal("length 3 is above the maximum of 2", LengthRule.Check(three, -1, 2));
    }

    [Fact]
    public void LoneSurrogatesCountOnceEach()
    {
        Assert.Equal(2, LengthRule.CodePointCount("\uD83D\uD83D"));
        Assert.Equal(2, LengthRule.CodePointCount("\uDE00\uD83D")); // Low then high is not a pair.
        Assert.Equal(1, LengthRule.CodePointCount("\uD83D"));
    }

    [Fact]
    public void BytesAreCheckedWithTheirUnit()
    {
        Assert.Null(LengthRule.CheckBytes(3, 1, 3));
        Assert.Equal("length 0 bytes is below the minimum of 1 bytes", LengthRule.CheckBytes(0, 1, -1));
        Assert.Equal("length 4 bytes is above the maximum of 3 bytes", LengthRule.CheckBytes(4, 1, 3));
    }
}
