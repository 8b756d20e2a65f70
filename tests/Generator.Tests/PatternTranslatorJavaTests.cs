using System.Text.RegularExpressions;
using CloudTrailSdk.Generator.Parsing;

namespace CloudTrailSdk.Generator.Tests;

/// <summary>Java-only pattern syntax found in botocore models (ds, payment-cryptography, kinesisanalytics).</summary>
[Trait("Category", "Unit")]
public sealed class PatternTranslatorJavaTests
{
    [Theory]
    [InlineData(@"^(\p{LD}|[!-/:-@\[-`{-~]| )+$", "Pass word1!", true)]
    [InlineData(@"^(\p{LD}|[!-/:-@\[-`{-~]| )+$", "tab\there", false)]
    [InlineData(@"^(\p{LD}|[!-/:-@\[-`{-~]| )+$", "Ünïcödé9", true)]
    [InlineData(@"^[\p{LD}_]+$", "ab_9", true)]
    [InlineData(@"^[\p{LD}_]+$", "ab-9", false)]
    [InlineData(@"^\p{Punct}+$", "!?", true)]
    [InlineData(@"^\p{Punct}+$", "a!", false)]
    [InlineData(@"^[0-9A-Z]{2}+$", "A9", true)]
    [InlineData(@"^[0-9A-Z]{2}+$", "A9B", false)]
    [InlineData(@"^arn:aws:kinesisanalytics:[a-z]{2}-[a-z]+-\d{1}+:\d{12}+:application/[a-zA-Z0-9_.-]{1,128}$", "arn:aws:kinesisanalytics:us-east-1:123456789012:application/app", true)]
    [InlineData(@"^arn:aws:kinesisanalytics:[a-z]{2}-[a-z]+-\d{1}+:\d{12}+:application/[a-zA-Z0-9_.-]{1,128}$", "arn:aws:kinesisanalytics:us-east-1:12345:application/app", false)]
    // Possessive: a*+ takes every 'a' and gives none back, so a following 'a' can never match (Java agrees).
    [InlineData(@"^a*+a$", "aaa", false)]
    [InlineData(@"^(ab)++c$", "ababc", true)]
    [InlineData(@"^x{1,3}?y$", "xxy", true)]
    public void JavaOnlySyntax_MatchesAsJavaWould(string javaPattern, string input, bool expected)
    {
        var translated = PatternTranslator.ToDotNet(javaPattern);
        Assert.Equal(expected, Regex.IsMatch(input, translated));
    }

    [Theory]
    [InlineData(@"[0-9A-Z]{2}+", "(?>[0-9A-Z]{2})")]
    [InlineData(@"\d{12}+", @"(?>\d{12})")]
    [InlineData(@"(ab)*+", "(?>(ab)*)")]
    [InlineData(@"\p{LD}", @"[\p{L}\p{Nd}]")]
    public void PossessiveAndJavaClasses_BecomeDotNetSpelling(string javaPattern, string expected)
    {
        Assert.Equal(expected, PatternTranslator.ToDotNet(javaPattern));
    }
}
