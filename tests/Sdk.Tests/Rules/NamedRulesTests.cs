using CloudTrailSdk.Rules;

namespace CloudTrailSdk.Sdk.Tests.Rules;

[Trait("Category", "Unit")]
public class NamedRulesTests
{
    private const string Arn = "arn:aws:cloudtrail:us-east-1:123456789012:trail/MyTrail";

    [Fact]
    public void TrailNameRejectsArns()
    {
        Assert.True(NamedRules.IsKnown("trail-name"));
        Assert.Null(NamedRules.Check("trail-name", "MyTrail"));
        Assert.Equal(TrailNameRule.Check(Arn, allowArn: false), NamedRules.Check("trail-name", Arn));
        Assert.NotNull(NamedRules.Check("trail-name", Arn));
        Assert.NotNull(NamedRules.Check("trail-name", "my--trail"));
    }

    [Fact]
    public void TrailNameOrArnAcceptsArns()
    {
        Assert.True(NamedRules.IsKnown("trail-name-or-arn"));
        Assert.Null(NamedRules.Check("trail-name-or-arn", Arn));
        Assert.Null(NamedRules.Check("trail-name-or-arn", "MyTrail"));
        Assert.NotNull(NamedRules.Check("trail-name-or-arn", "arn:aws:cloudtrail:us-east-1:123:trail/x"));
    }

    [Theory]
    [InlineData("some-future-rule")]
    [InlineData("Trail-Name")]
    [InlineData("")]
    public void UnknownRulesPass(string rule)
    {
        Assert.False(NamedRules.IsKnown(rule));
        Assert.Null(NamedRules.Check(rule, "my--trail"));
    }
}
