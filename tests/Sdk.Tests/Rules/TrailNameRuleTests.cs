using CloudTrailSdk.Rules;

namespace CloudTrailSdk.Sdk.Tests.Rules;

[Trait("Category", "Unit")]
public class TrailNameRuleTests
{
    private const string ValidArn = "arn:aws:cloudtrail:us-east-1:123456789012:trail/MyTrail";

    [Theory]
    [InlineData("MyTrail")]
    [InlineData("my-trail")]
    [InlineData("my_trail.v2")]
    [InlineData("abc")]
    [InlineData("a-b")]
    [InlineData("192.168.5")]
    [InlineData("192.168.5.4.1")]
    [InlineData("1234.168.5.4")]
    [InlineData("a192.168.5.4")]
    public void ValidNames(string value)
    {
        Assert.Equal(TrailNameViolation.None, TrailNameRule.Classify(value, allowArn: false));
        Assert.Null(TrailNameRule.Check(value, allowArn: false));
        Assert.Null(TrailNameRule.Check(value, allowArn: true));
    }

    [Theory]
    [InlineData("my-_namespace", TrailNameViolation.AdjacentSeparators)]
    [InlineData("my--namespace", TrailNameViolation.AdjacentSeparators)]
    [InlineData("my._trail", TrailNameViolation.AdjacentSeparators)]
    [InlineData("192.168.5.4", TrailNameViolation.IpAddress)]
    [InlineData("1.2.3.4", TrailNameViolation.IpAddress)]
    [InlineData("999.999.999.999", TrailNameViolation.IpAddress)]
    [InlineData("ab", TrailNameViolation.Length)]
    [InlineData("", TrailNameViolation.Length)]
    [InlineData("my trail", TrailNameViolation.Characters)]
    [InlineData("my/trail", TrailNameViolation.Characters)]
    [InlineData("trailé", TrailNameViolation.Characters)]
    [InlineData("-trail", TrailNameViolation.StartOrEnd)]
    [InlineData("trail.", TrailNameViolation.StartOrEnd)]
    [InlineData("_trail_", TrailNameViolation.StartOrEnd)]
    [InlineData(ValidArn, TrailNameViolation.ArnNotAllowed)]
    public void InvalidNames(string value, TrailNameViolation expected)
    {
        Assert.Equal(expected, TrailNameRule.Classify(value, allowArn: false));
        Assert.NotNull(TrailNameRule.Check(value, allowArn: false));
    }

    [Fact]
    public void LengthBoundaries()
    {
        Assert.Equal(TrailNameViolation.Length, TrailNameRule.Classify("ab", false));
        Assert.Equal(TrailNameViolation.None, TrailNameRule.Classify("abc", false));
        Assert.Equal(TrailNameViolation.None, TrailNameRule.Classify(new string('a', 128), false));
        Assert.Equal(TrailNameViolation.Length, TrailNameRule.Classify(new string('a', 129), false));
        Assert.Equal(
            "trail name '" + new string('a', 40) + "…' is 129 characters long; it must be 3 to 128",
            TrailNameRule.Check(new string('a', 129), false));
    }

    [Fact]
    public void CheckOrderIsCharactersLengthStartEndAdjacentIp()
    {
        Assert.Equal(TrailNameViolation.Characters, TrailNameRule.Classify("-!", false)); // Also too short, bad start.
        Assert.Equal(TrailNameViolation.Length, TrailNameRule.Classify("-a", false)); // Also bad start.
        Assert.Equal(TrailNameViolation.StartOrEnd, TrailNameRule.Classify("-a--b", false)); // Also adjacent.
        Assert.Equal(TrailNameViolation.AdjacentSeparators, TrailNameRule.Classify("1..2.3.4", false)); // Digits and dots, but adjacency comes first.
    }

    [Fact]
    public void Messages()
    {
        Assert.Equal(
            "trail name 'my--trail' has adjacent '-' and '-' at index 2 (no two of '.', '_', '-' may be adjacent)",
            TrailNameRule.Check("my--trail", false));
        Assert.Equal(
            "trail name 'my-_namespace' has adjacent '-' and '_' at index 2 (no two of '.', '_', '-' may be adjacent)",
            TrailNameRule.Check("my-_namespace", false));
        Assert.Equal("trail name 'ab' is 2 characters long; it must be 3 to 128", TrailNameRule.Check("ab", false));
        Assert.Equal("trail name '192.168.5.4' is in IP address format", TrailNameRule.Check("192.168.5.4", false));
        Assert.Equal(
            "trail name 'my trail' has ' ' at index 2; only ASCII letters, digits, '.', '_' and '-' are allowed",
            TrailNameRule.Check("my trail", false));
        Assert.Equal("trail name 'my\\ntrail' has U+000A at index 2; only ASCII letters, digits, '.', '_' and '-' are allowed", TrailNameRule.Check("my\ntrail", false));
        Assert.Equal("trail name '-trail' must start with a letter or digit", TrailNameRule.Check("-trail", false));
        Assert.Equal("trail name 'trail-' must end with a letter or digit", TrailNameRule.Check("trail-", false));
    }

    [Fact]
    public void CharacterMessageShowsWholeSurrogatePair() =>
        Assert.Equal(
            "trail name 'a\U0001F600b' has '\U0001F600' at index 1; only ASCII letters, digits, '.', '_' and '-' are allowed",
            TrailNameRule.Check("a\U0001F600b", false));

    [Theory]
    [InlineData(ValidArn)]
    [InlineData("arn:aws-cn:cloudtrail:cn-north-1:123456789012:trail/my-trail")]
    [InlineData("arn:aws-us-gov:cloudtrail:us-gov-west-1:123456789012:trail/my.trail")]
    [InlineData("arn:aws:cloudtrail:ap-southeast-2:000000000000:trail/abc")]
    public void ValidArns(string value)
    {
        Assert.Equal(TrailNameViolation.None, TrailNameRule.Classify(value, allowArn: true));
        Assert.Null(TrailNameRule.Check(value, allowArn: true));
        Assert.Equal(TrailNameViolation.ArnNotAllowed, TrailNameRule.Classify(value, allowArn: false));
    }

    [Theory]
    [InlineData("arn:aws:cloudtrail:us-east-1:123:trail/x")]
    [InlineData("arn:aws:cloudtrail:us-east-1:1234567890123:trail/MyTrail")]
    [InlineData("arn:aws:cloudtrail:us-east-1:12345678901a:trail/MyTrail")]
    [InlineData("arn:azure:cloudtrail:us-east-1:123456789012:trail/MyTrail")]
    [InlineData("arn:aws:s3:us-east-1:123456789012:trail/MyTrail")]
    [InlineData("arn:aws:cloudtrail:useast1:123456789012:trail/MyTrail")]
    [InlineData("arn:aws:cloudtrail:us-east:123456789012:trail/MyTrail")]
    [InlineData("arn:aws:cloudtrail:us-1:123456789012:trail/MyTrail")]
    [InlineData("arn:aws:cloudtrail:us--east-1:123456789012:trail/MyTrail")]
    [InlineData("arn:aws1:cloudtrail:us-east-1:123456789012:trail/MyTrail")]
    [InlineData("arn:AWS:cloudtrail:us-east-1:123456789012:trail/MyTrail")]
    [InlineData("arn:aws:cloudtrail:US-EAST-1:123456789012:trail/MyTrail")]
    [InlineData("arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/MyTrail")]
    [InlineData("arn:aws:cloudtrail:us-east-1:123456789012:trail/my--trail")]
    [InlineData("arn:aws:cloudtrail:us-east-1:123456789012:trail/")]
    [InlineData("arn:aws:cloudtrail:us-east-1:123456789012:trail/a:b")]
    [InlineData("arn:aws:cloudtrail:us-east-1:123456789012")]
    [InlineData("arn:")]
    public void InvalidArns(string value)
    {
        Assert.Equal(TrailNameViolation.ArnFormat, TrailNameRule.Classify(value, allowArn: true));
        Assert.StartsWith(
            "'",
            TrailNameRule.Check(value, allowArn: true));
        Assert.Contains(
            " is not a valid trail ARN (arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME, ACCOUNT 12 digits)",
            TrailNameRule.Check(value, allowArn: true));
    }

    [Fact]
    public void ArnMessagesSayWhatIsWrong()
    {
        Assert.Equal(
            "'arn:aws:cloudtrail:us-east-1:123:trail/x' is not a valid trail ARN (arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME, ACCOUNT 12 digits): account '123' is not 12 digits",
            TrailNameRule.Check("arn:aws:cloudtrail:us-east-1:123:trail/x", allowArn: true));
        Assert.EndsWith(
            ": trail name 'my--trail' has adjacent '-' and '-' at index 2 (no two of '.', '_', '-' may be adjacent)",
            TrailNameRule.Check("arn:aws:cloudtrail:us-east-1:123456789012:trail/my--trail", allowArn: true));
        Assert.Equal(
            "'arn:aws:cloudtrail:us-east-1:12345678901…' is a trail ARN, but only a trail name is allowed here",
            TrailNameRule.Check(ValidArn, allowArn: false));
    }

    [Theory]
    [InlineData("my--trail", "my-trail")]
    [InlineData("my-_namespace", "my-namespace")]
    [InlineData("-x", "x00")]
    [InlineData("", "trail")]
    [InlineData("---", "trail")]
    [InlineData("my trail!", "my-trail")]
    [InlineData("a\U0001F600b", "a-b")]
    [InlineData("192.168.5.4", "trail-192.168.5.4")]
    [InlineData("..1.2.3.4..", "trail-1.2.3.4")]
    [InlineData("MyTrail", "MyTrail")]
    [InlineData(ValidArn, "MyTrail")]
    public void Suggest(string value, string expected)
    {
        var suggestion = TrailNameRule.Suggest(value);
        Assert.Equal(expected, suggestion);
        Assert.Equal(TrailNameViolation.None, TrailNameRule.Classify(suggestion, allowArn: false));
    }

    [Fact]
    public void SuggestTruncatesTo128WithoutEndingOnASeparator()
    {
        var suggestion = TrailNameRule.Suggest(new string('a', 127) + "-bbbb");
        Assert.Equal(new string('a', 127), suggestion);
        Assert.Equal(128, TrailNameRule.Suggest(new string('a', 500)).Length);
    }
}
