using System;
using CloudTrailSdk.Runtime.Rules;

namespace CloudTrailSdk.Rules;

/// <summary>
/// A trail ARN, <c>arn:PARTITION:cloudtrail:REGION:ACCOUNT:trail/NAME</c>, parsed strictly: PARTITION <c>aws[-a-z]*</c>,
/// REGION <c>[a-z]+(-[a-z]+)+-[0-9]+</c> (us-east-1, us-gov-west-1), ACCOUNT 12 digits, NAME a valid trail name. The
/// request validators, the analyzers and the fake all read trail ARNs with this one parser.
/// </summary>
public readonly struct TrailArn : IEquatable<TrailArn>
{
    private const string ResourcePrefix = "trail/";

    /// <summary>Creates a trail ARN from its parts (not checked; <see cref="ToString"/> formats them).</summary>
    public TrailArn(string partition, string region, string account, string name)
    {
        Partition = partition;
        Region = region;
        Account = account;
        Name = name;
    }

    /// <summary>The partition: <c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, ...</summary>
    public string Partition { get; }

    /// <summary>The region, e.g. <c>us-east-1</c>.</summary>
    public string Region { get; }

    /// <summary>The 12-digit account id.</summary>
    public string Account { get; }

    /// <summary>The trail's name.</summary>
    public string Name { get; }

    /// <summary>Whether <paramref name="value"/> is meant as an ARN (starts with <c>arn:</c>), valid or not.</summary>
    public static bool LooksLikeArn(string value) => value.StartsWith("arn:", StringComparison.Ordinal);

    /// <summary>Parses a valid trail ARN; false for anything else, including a well-formed ARN around an invalid trail name.</summary>
    public static bool TryParse(string value, out TrailArn arn) => Parse(value, out arn, out _) is null;

    /// <summary>Formats <c>arn:PARTITION:cloudtrail:REGION:ACCOUNT:trail/NAME</c>.</summary>
    public static string Format(string partition, string region, string account, string name) =>
        "arn:" + partition + ":cloudtrail:" + region + ":" + account + ":" + ResourcePrefix + name;

    /// <inheritdoc/>
    public override string ToString() => Format(Partition, Region, Account, Name);

    /// <inheritdoc/>
    public bool Equals(TrailArn other) =>
        string.Equals(Partition, other.Partition, StringComparison.Ordinal) && string.Equals(Region, other.Region, StringComparison.Ordinal)
        && string.Equals(Account, other.Account, StringComparison.Ordinal) && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TrailArn other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        ((StringComparer.Ordinal.GetHashCode(Partition ?? string.Empty) * 31 + StringComparer.Ordinal.GetHashCode(Region ?? string.Empty)) * 31
            + StringComparer.Ordinal.GetHashCode(Account ?? string.Empty)) * 31 + StringComparer.Ordinal.GetHashCode(Name ?? string.Empty);

    /// <summary>Whether two ARNs are equal (ordinal, part by part).</summary>
    public static bool operator ==(TrailArn left, TrailArn right) => left.Equals(right);

    /// <summary>Whether two ARNs differ.</summary>
    public static bool operator !=(TrailArn left, TrailArn right) => !left.Equals(right);

    /// <summary>
    /// Null when <paramref name="value"/> is a valid trail ARN (then <paramref name="arn"/> holds it); otherwise what is
    /// wrong, with <paramref name="badName"/> set when only the NAME part is (its own rule says more than the shape).
    /// </summary>
    internal static string? Parse(string value, out TrailArn arn, out string? badName)
    {
        arn = default;
        badName = null;
        var parts = value.Split(new[] { ':' }, 6);
        if (parts.Length != 6 || !string.Equals(parts[0], "arn", StringComparison.Ordinal))
        {
            return "it has " + RuleText.Num(parts.Length) + " ':'-separated parts; a trail ARN has 6";
        }

        if (!IsPartition(parts[1]))
        {
            return "partition " + RuleText.Quote(parts[1]) + " is not aws, aws-cn, aws-us-gov or a similar aws-* partition";
        }

        if (!string.Equals(parts[2], "cloudtrail", StringComparison.Ordinal))
        {
            return "service " + RuleText.Quote(parts[2]) + " is not cloudtrail";
        }

        if (!IsRegion(parts[3]))
        {
            return "region " + RuleText.Quote(parts[3]) + " is not a region such as us-east-1";
        }

        if (parts[4].Length != 12 || !TrailNameRule.AllDigits(parts[4], 0, 12))
        {
            return "account " + RuleText.Quote(parts[4]) + " is not 12 digits";
        }

        if (!parts[5].StartsWith(ResourcePrefix, StringComparison.Ordinal))
        {
            return "resource " + RuleText.Quote(parts[5]) + " does not start with trail/";
        }

        var name = parts[5].Substring(ResourcePrefix.Length);
        if (TrailNameRule.Classify(name, allowArn: false) != TrailNameViolation.None)
        {
            badName = name;
            return "invalid trail name";
        }

        arn = new TrailArn(parts[1], parts[3], parts[4], name);
        return null;
    }

    private static bool IsPartition(string part)
    {
        if (!part.StartsWith("aws", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 3; i < part.Length; i++)
        {
            if (part[i] != '-' && !IsLower(part[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRegion(string part)
    {
        // [a-z]+(-[a-z]+)+-[0-9]+ : the last '-' precedes the digits; before it, at least two letter groups.
        var lastDash = part.LastIndexOf('-');
        if (lastDash < 0 || lastDash == part.Length - 1 || !TrailNameRule.AllDigits(part, lastDash + 1, part.Length - lastDash - 1))
        {
            return false;
        }

        var groups = 1;
        var groupLength = 0;
        for (var i = 0; i < lastDash; i++)
        {
            if (part[i] == '-')
            {
                if (groupLength == 0)
                {
                    return false;
                }

                groups++;
                groupLength = 0;
            }
            else if (IsLower(part[i]))
            {
                groupLength++;
            }
            else
            {
                return false;
            }
        }

        return groupLength > 0 && groups >= 2;
    }

    private static bool IsLower(char c) => c >= 'a' && c <= 'z';
}
