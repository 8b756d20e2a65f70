using System.Text.RegularExpressions;
using CloudTrailSdk.Generator.Parsing;

namespace CloudTrailSdk.Generator.Tests;

/// <summary>Java-flavoured AWS patterns must become .NET patterns that accept and reject the same strings.</summary>
[Trait("Category", "Unit")]
public sealed class PatternTranslatorTests
{
    [Theory]
    [InlineData(@"^[A-Za-z0-9\-\_\.]+$", "ab_c.d-e", true)]
    [InlineData(@"^[A-Za-z0-9\-\_\.]+$", "ab c", false)]
    [InlineData(@"^\p{Print}+$", "Hello, world ~", true)]
    [InlineData(@"^\p{Print}+$", "tab\there", false)]
    [InlineData(@"^[\p{Alnum}_]+$", "abc_123", true)]
    [InlineData(@"^[\p{Alnum}_]+$", "abc-123", false)]
    [InlineData(@"^\P{Digit}+$", "abc", true)]
    [InlineData(@"^\P{Digit}+$", "a1", false)]
    [InlineData(@"^[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*$", "emoji 😀 ok", true)]
    [InlineData(@"^[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*$", "bell \u0007", false)]
    [InlineData(@"^arn:aws:\S+\.\d+$", "arn:aws:x.1", true)]
    public void TranslatedPattern_MatchesAsJavaWould(string javaPattern, string input, bool expected)
    {
        var translated = PatternTranslator.ToDotNet(javaPattern);
        Assert.Equal(expected, Regex.IsMatch(input, translated));
    }

    [Fact]
    public void DotNetCompatiblePattern_IsLeftAlone()
    {
        const string pattern = @"^[a-zA-Z0-9._/\-:]+$";
        Assert.Equal(pattern, PatternTranslator.ToDotNet(pattern));
    }
}
