using System;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Rules;

namespace CloudTrailSdk.Runtime.Tests.Rules;

[Trait("Category", "Unit")]
public class PatternRuleTests
{
    // The form CloudTrail's model uses for ARN-like members (e.g. event data store and channel ARNs).
    private const string ArnLike = "^[a-zA-Z0-9._/\\-:]+$";

    [Theory]
    [InlineData("arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE")]
    [InlineData("my-event-data-store")]
    public void RealAwsPatternAcceptsValidValues(string value) => Assert.Null(PatternRule.Check(value, ArnLike));

    [Fact]
    public void RealAwsPatternRejectsAndQuotesTheValue() =>
        Assert.Equal("'my store!' does not match the pattern " + ArnLike, PatternRule.Check("my store!", ArnLike));

    [Fact]
    public void PatternIsNotImplicitlyAnchored()
    {
        Assert.Null(PatternRule.Check("a1b", "[0-9]"));
        Assert.NotNull(PatternRule.Check("ab", "[0-9]"));
        Assert.NotNull(PatternRule.Check("a1b", "^[0-9]$"));
    }

    [Fact]
    public void LongValuesAreTruncatedInTheMessage()
    {
        var message = PatternRule.Check(new string('!', 500), ArnLike);
        Assert.NotNull(message);
        Assert.StartsWith("'" + new string('!', 40) + "…'", message);
        Assert.True(message!.Length < 120, message);
    }

    [Fact]
    public void InvalidPatternIsReportedButCannotJudgeAValue()
    {
        Assert.False(PatternRule.IsValidPattern("[a-z", out var error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Null(PatternRule.Check("anything", "[a-z"));

        Assert.True(PatternRule.IsValidPattern(ArnLike, out error));
        Assert.Null(error);
    }

    [Fact]
    public void TimeoutCountsAsFailureAndSaysSo()
    {
        // Catastrophic backtracking: exponential in the number of 'a's before the final '!'.
        var message = PatternRule.Check(new string('a', 40) + "!", "^(a|aa)+$", TimeSpan.FromMilliseconds(20));
        Assert.NotNull(message);
        Assert.Contains("timed out", message);
        Assert.Contains("0.02 s", message);
    }

    [Fact]
    public void DefaultTimeoutIsOneSecond() => Assert.Equal(TimeSpan.FromSeconds(1), PatternRule.MatchTimeout);

    [Fact]
    public void CacheIsSafeUnderConcurrency()
    {
        var patterns = Enumerable.Range(0, 50).Select(i => "^x{" + i + "}$").ToArray();
        Parallel.For(0, 2000, i =>
        {
            var n = i % 50;
            Assert.Null(PatternRule.Check(new string('x', n), patterns[n]));
            Assert.NotNull(PatternRule.Check(new string('x', n + 1), patterns[n]));
        });
    }
}
