using System;
using System.Text;
using System.Text.RegularExpressions;
using CloudTrailSdk.Rules;

namespace CloudTrailSdk.Sdk.Tests.Rules;

/// <summary>Compares <see cref="TrailNameRule"/> with an independent, regex-based reading of the same rules.</summary>
[Trait("Category", "Unit")]
public class TrailNameRandomizedTests
{
    private const int Seed = 20240611;
    private const int Iterations = 20000;

    private static readonly Regex Chars = new("^[A-Za-z0-9._-]*\\z");
    private static readonly Regex Ends = new("^[A-Za-z0-9].*[A-Za-z0-9]\\z", RegexOptions.Singleline);
    private static readonly Regex Adjacent = new("[._-]{2}");
    private static readonly Regex Ip = new("^[0-9]{1,3}(\\.[0-9]{1,3}){3}\\z");
    private static readonly Regex Arn = new("^arn:aws[-a-z]*:cloudtrail:[a-z]+(-[a-z]+)+-[0-9]+:[0-9]{12}:trail/(?<name>.*)\\z", RegexOptions.Singleline);

    private static readonly string[] Pieces =
    {
        "a", "Z", "7", "0", ".", "_", "-", "-", ".", "ab", "192", "168", "5", " ", "!", ":", "/", "é", "\n", "\U0001F600", "\uD83D",
    };

    private static readonly string[] ArnPieces =
    {
        "arn:", "aws", "aws-cn", "aws-us-gov", "awsx", "azure", ":", "cloudtrail", "s3", "us-east-1", "us-gov-west-1", "useast1",
        "us-east", "us-1", "us--east-1", "aws1", "123456789012", "12345678901", "1234567890123", "trail/", "trail", "MyTrail", "my--trail", "x",
    };

    private static TrailNameViolation Reference(string value, bool allowArn)
    {
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (!allowArn)
            {
                return TrailNameViolation.ArnNotAllowed;
            }

            var match = Arn.Match(value);
            return match.Success && ReferenceName(match.Groups["name"].Value) == TrailNameViolation.None
                ? TrailNameViolation.None
                : TrailNameViolation.ArnFormat;
        }

        return ReferenceName(value);
    }

    private static TrailNameViolation ReferenceName(string value)
    {
        if (!Chars.IsMatch(value)) return TrailNameViolation.Characters;
        if (value.Length < 3 || value.Length > 128) return TrailNameViolation.Length;
        if (!Ends.IsMatch(value)) return TrailNameViolation.StartOrEnd;
        if (Adjacent.IsMatch(value)) return TrailNameViolation.AdjacentSeparators;
        if (Ip.IsMatch(value)) return TrailNameViolation.IpAddress;
        return TrailNameViolation.None;
    }

    private static string RandomValue(Random random)
    {
        var text = new StringBuilder();
        switch (random.Next(6))
        {
            case 0: // IP-like
                var groups = random.Next(3, 6);
                for (var g = 0; g < groups; g++)
                {
                    if (g > 0) text.Append(random.Next(10) == 0 ? "-" : ".");
                    text.Append(random.Next(0, random.Next(2) == 0 ? 1000 : 10000));
                }

                break;
            case 1: // ARN-like
                var arnParts = random.Next(1, 12);
                text.Append("arn:aws:cloudtrail:us-east-1:123456789012:trail/");
                text.Length = random.Next(3) == 0 ? random.Next(text.Length + 1) : text.Length;
                for (var p = 0; p < arnParts; p++) text.Append(ArnPieces[random.Next(ArnPieces.Length)]);
                break;
            case 2: // Around the length limits
                var length = random.Next(2) == 0 ? random.Next(0, 5) : random.Next(125, 132);
                while (text.Length < length) text.Append(random.Next(20) == 0 ? Pieces[random.Next(Pieces.Length)] : "a");
                break;
            default:
                var count = random.Next(0, 12);
                for (var p = 0; p < count; p++) text.Append(Pieces[random.Next(Pieces.Length)]);
                break;
        }

        return text.ToString();
    }

    [Fact]
    public void ClassifyAgreesWithReferenceOnRandomStrings()
    {
        var random = new Random(Seed);
        var seen = new int[Enum.GetValues(typeof(TrailNameViolation)).Length];
        for (var i = 0; i < Iterations; i++)
        {
            var value = RandomValue(random);
            foreach (var allowArn in new[] { false, true })
            {
                var expected = Reference(value, allowArn);
                var actual = TrailNameRule.Classify(value, allowArn);
                Assert.True(expected == actual, $"'{value}' (allowArn {allowArn}): reference {expected}, rule {actual}");
                Assert.True((expected == TrailNameViolation.None) == (TrailNameRule.Check(value, allowArn) is null), $"Check disagrees on '{value}'");
                seen[(int)actual]++;
            }
        }

        // The generator must actually reach every outcome, or the comparison proves little.
        for (var v = 0; v < seen.Length; v++)
        {
            Assert.True(seen[v] > 20, $"{(TrailNameViolation)v} seen only {seen[v]} times");
        }
    }

    [Fact]
    public void SuggestAlwaysYieldsAValidName()
    {
        var random = new Random(Seed + 1);
        for (var i = 0; i < Iterations; i++)
        {
            var value = RandomValue(random);
            var suggestion = TrailNameRule.Suggest(value);
            Assert.True(TrailNameRule.Classify(suggestion, allowArn: false) == TrailNameViolation.None, $"Suggest('{value}') = '{suggestion}'");
            Assert.Equal(TrailNameViolation.None, ReferenceName(suggestion));
            if (TrailNameRule.Classify(value, allowArn: false) == TrailNameViolation.None)
            {
                Assert.Equal(value, suggestion); // A valid name is left alone.
            }
        }
    }

    [Fact]
    public void SuggestHandlesArbitraryUnicode()
    {
        var random = new Random(Seed + 2);
        for (var i = 0; i < Iterations; i++)
        {
            var chars = new char[random.Next(0, 300)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = random.Next(3) == 0 ? (char)random.Next(0, 0x10000) : "a1._- "[random.Next(6)];
            }

            var value = new string(chars);
            var suggestion = TrailNameRule.Suggest(value);
            Assert.Equal(TrailNameViolation.None, TrailNameRule.Classify(suggestion, allowArn: false));
            Assert.Equal(Reference(value, allowArn: false), TrailNameRule.Classify(value, allowArn: false));
        }
    }
}
