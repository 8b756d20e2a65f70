using CloudTrailSdk.Runtime.Rules;

namespace CloudTrailSdk.Runtime.Tests.Rules;

[Trait("Category", "Unit")]
public class WeightedLengthRuleTests
{
    private const string Doubled = "_ ,\n";

    [Fact]
    public void MeasureCountsDoubledCharactersTwice()
    {
        Assert.Equal(0, WeightedLengthRule.Measure("", Doubled));
        Assert.Equal(3, WeightedLengthRule.Measure("abc", Doubled));
        Assert.Equal(2 + 2 + 2 + 2 + 1, WeightedLengthRule.Measure("_ ,\na", Doubled));
    }

    [Fact]
    public void MeasureCountsCodePoints()
    {
        Assert.Equal(1, WeightedLengthRule.Measure("\U0001F600", Doubled));
        Assert.Equal(2, WeightedLengthRule.Measure("\U0001F600", "\U0001F600"));
    }

    [Fact]
    public void ExactlyTheLimitPasses()
    {
        // 1000 doubled characters weigh exactly 2000.
        Assert.Null(WeightedLengthRule.Check(new string('_', 1000), 2000, Doubled));
        Assert.Null(WeightedLengthRule.Check(new string(' ', 998) + "ab", 2000, Doubled));
    }

    [Fact]
    public void OneOverTheLimitFails()
    {
        Assert.Equal(
            "weighted length 2001 exceeds 2000 ('_', ' ', ',' and newline count as two)",
            WeightedLengthRule.Check(new string(',', 1000) + "a", 2000, Doubled));
    }

    [Fact]
    public void PlainLengthUnderTheLimitStillFailsWhenWeighted()
    {
        // 1002 chars is far below 2000 by plain length, but weighs 2004.
        var value = new string('\n', 1002);
        Assert.Null(LengthRule.Check(value, -1, 2000));
        Assert.Equal(
            "weighted length 2004 exceeds 2000 ('_', ' ', ',' and newline count as two)",
            WeightedLengthRule.Check(value, 2000, Doubled));
    }

    [Fact]
    public void ExplanationGrammar()
    {
        Assert.Equal("weighted length 4 exceeds 3 ('_' counts as two)", WeightedLengthRule.Check("a_b", 3, "_"));
        Assert.Equal("weighted length 4 exceeds 3", WeightedLengthRule.Check("abcd", 3, ""));
        Assert.Null(WeightedLengthRule.Check(new string('_', 5000), -1, Doubled));
    }
}
