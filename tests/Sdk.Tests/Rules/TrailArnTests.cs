using CloudTrailSdk.Rules;

namespace CloudTrailSdk.Sdk.Tests.Rules;

[Trait("Category", "Unit")]
public class TrailArnTests
{
    [Theory]
    [InlineData("arn:aws:cloudtrail:us-east-1:123456789012:trail/MyTrail", "aws", "us-east-1", "123456789012", "MyTrail")]
    [InlineData("arn:aws-us-gov:cloudtrail:us-gov-west-1:000000000000:trail/a.b_c", "aws-us-gov", "us-gov-west-1", "000000000000", "a.b_c")]
    public void ParsesValidArnsIntoTheirParts(string value, string partition, string region, string account, string name)
    {
        Assert.True(TrailArn.TryParse(value, out var arn));
        Assert.Equal(new TrailArn(partition, region, account, name), arn);
        Assert.Equal(value, arn.ToString());
    }

    [Theory]
    [InlineData("xarn:aws:cloudtrail:us-east-1:123456789012:trail/MyTrail")]
    [InlineData("arn:aws:cloudtrail:us-east-1:123:trail/MyTrail")]
    [InlineData("arn:aws:cloudtrail:us-east-1:123456789012:trail/my--trail")]
    [InlineData("arn:aws:cloudtrail:us-east-1:123456789012:trail/")]
    [InlineData("arn:aws:s3:us-east-1:123456789012:trail/MyTrail")]
    public void RejectsWhatTheValidatorRejects(string value)
    {
        Assert.False(TrailArn.TryParse(value, out var arn));
        Assert.Equal(default, arn);
        Assert.NotNull(TrailNameRule.CheckNameOrArn(value));
    }

    [Fact]
    public void AgreesWithTheNameOrArnRuleOnEveryArnTheRuleTests()
    {
        // The parser and the validator are one implementation: whatever the rule accepts as an ARN, TryParse reads.
        foreach (var value in new[]
        {
            "arn:aws-cn:cloudtrail:cn-north-1:123456789012:trail/my-trail", "arn:aws:cloudtrail:us-east-1:1234567890123:trail/MyTrail",
            "arn:AWS:cloudtrail:us-east-1:123456789012:trail/MyTrail", "arn:aws:cloudtrail:us-east-1:123456789012:trail/a:b",
        })
        {
            Assert.Equal(TrailNameRule.CheckNameOrArn(value) is null, TrailArn.TryParse(value, out _));
        }
    }

    [Fact]
    public void AValidNameIsNotAnArn()
    {
        Assert.Null(TrailNameRule.CheckNameOrArn("MyTrail"));
        Assert.False(TrailArn.TryParse("MyTrail", out _));
    }

    [Fact]
    public void LooksLikeArnIsThePrefixOnly()
    {
        Assert.True(TrailArn.LooksLikeArn("arn:nonsense"));
        Assert.False(TrailArn.LooksLikeArn("MyTrail"));
    }
}
