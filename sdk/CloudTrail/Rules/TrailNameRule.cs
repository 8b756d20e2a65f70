using System;
using System.Text;
using CloudTrailSdk.Runtime.Rules;

namespace CloudTrailSdk.Rules;

/// <summary>The first rule a trail name (or trail ARN) breaks, as found by <see cref="TrailNameRule.Classify"/>.</summary>
public enum TrailNameViolation
{
    /// <summary>The value is valid.</summary>
    None,

    /// <summary>Fewer than 3 or more than 128 characters.</summary>
    Length,

    /// <summary>A character other than an ASCII letter, digit, '.', '_' or '-'.</summary>
    Characters,

    /// <summary>Does not start, or does not end, with a letter or digit.</summary>
    StartOrEnd,

    /// <summary>Two of '.', '_', '-' next to each other.</summary>
    AdjacentSeparators,

    /// <summary>In IPv4 address format (four dot-separated groups of 1 to 3 digits).</summary>
    IpAddress,

    /// <summary>Starts with <c>arn:</c> but is not <c>arn:PARTITION:cloudtrail:REGION:ACCOUNT:trail/NAME</c> with a valid NAME.</summary>
    ArnFormat,

    /// <summary>An ARN where only a trail name is allowed.</summary>
    ArnNotAllowed,
}

/// <summary>
/// CloudTrail's trail-name rules, stated by AWS only in prose: ASCII letters, digits, '.', '_' and '-'; start and end
/// with a letter or digit; 3 to 128 characters; no two of '.', '_', '-' adjacent; not in IP address format. Where
/// allowed, a trail ARN <c>arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME</c> may stand in for the name. Rules are checked
/// in a fixed order (characters, length, start/end, adjacent, IP) and the first broken one is reported. Anything that
/// starts with <c>arn:</c> is treated as an ARN.
/// </summary>
public static class TrailNameRule
{
    /// <summary>The shortest valid trail name.</summary>
    public const int MinLength = 3;

    /// <summary>The longest valid trail name.</summary>
    public const int MaxLength = 128;

    private const string ArnShape = " is not a valid trail ARN (arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME, ACCOUNT 12 digits)";

    /// <summary>The first rule <paramref name="value"/> breaks, or <see cref="TrailNameViolation.None"/>.</summary>
    public static TrailNameViolation Classify(string value, bool allowArn)
    {
        if (!IsArn(value))
        {
            return ClassifyName(value, out _);
        }

        if (!allowArn)
        {
            return TrailNameViolation.ArnNotAllowed;
        }

        return TrailArn.Parse(value, out _, out _) is null ? TrailNameViolation.None : TrailNameViolation.ArnFormat;
    }

    /// <summary>Checks a trail name (or, when <paramref name="allowArn"/>, a trail ARN). Returns null when valid, otherwise which rule is broken and where.</summary>
    public static string? Check(string value, bool allowArn)
    {
        if (!IsArn(value))
        {
            return DescribeName(value);
        }

        if (!allowArn)
        {
            return RuleText.Quote(value) + " is a trail ARN, but only a trail name is allowed here";
        }

        var problem = TrailArn.Parse(value, out _, out var name);
        if (problem is null)
        {
            return null;
        }

        // A well-formed ARN around a bad name: report the name's own rule, which says more than the ARN shape.
        return RuleText.Quote(value) + ArnShape + ": " + (name is not null ? DescribeName(name) : problem);
    }

    /// <summary>The <c>trail-name</c> rule: a trail name, not an ARN. Null when valid, otherwise what is wrong.</summary>
    public static string? CheckName(string value) => Check(value, allowArn: false);

    /// <summary>The <c>trail-name-or-arn</c> rule: a trail name or a trail ARN. Null when valid, otherwise what is wrong.</summary>
    public static string? CheckNameOrArn(string value) => Check(value, allowArn: true);

    /// <summary>
    /// A valid trail name close to <paramref name="value"/>, for a code fix: the name part of a trail ARN is taken;
    /// illegal characters become '-'; runs of '.', '_', '-' collapse to their first character; leading and trailing
    /// non-alphanumerics are trimmed; the result is padded with '0' to 3 characters (an empty result becomes
    /// <c>trail</c>), cut to 128, and prefixed with <c>trail-</c> when in IP address format. Always classifies as
    /// <see cref="TrailNameViolation.None"/>.
    /// </summary>
    public static string Suggest(string value)
    {
        if (IsArn(value))
        {
            var marker = value.IndexOf(":trail/", StringComparison.Ordinal);
            if (marker >= 0)
            {
                value = value.Substring(marker + ":trail/".Length);
            }
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxLength + 1));
        for (var i = 0; i < value.Length && text.Length <= MaxLength; i++)
        {
            var c = value[i];
            if (!IsAllowed(c))
            {
                // Both halves of a surrogate pair become '-'; the run then collapses to one.
                c = '-';
            }

            if (IsSeparator(c) && (text.Length == 0 || IsSeparator(text[text.Length - 1])))
            {
                continue; // Drops leading separators and collapses runs to their first character.
            }

            text.Append(c);
        }

        if (text.Length > MaxLength)
        {
            text.Length = MaxLength;
        }

        while (text.Length > 0 && IsSeparator(text[text.Length - 1]))
        {
            text.Length--;
        }

        if (text.Length == 0)
        {
            return "trail";
        }

        while (text.Length < MinLength)
        {
            text.Append('0');
        }

        var result = text.ToString();
        return IsIpFormat(result) ? "trail-" + result : result;
    }

    private static bool IsArn(string value) => TrailArn.LooksLikeArn(value);

    private static TrailNameViolation ClassifyName(string name, out int index)
    {
        for (index = 0; index < name.Length; index++)
        {
            if (!IsAllowed(name[index]))
            {
                return TrailNameViolation.Characters;
            }
        }

        index = -1;
        if (name.Length < MinLength || name.Length > MaxLength)
        {
            return TrailNameViolation.Length;
        }

        if (!IsLetterOrDigit(name[0]))
        {
            index = 0;
            return TrailNameViolation.StartOrEnd;
        }

        if (!IsLetterOrDigit(name[name.Length - 1]))
        {
            index = name.Length - 1;
            return TrailNameViolation.StartOrEnd;
        }

        for (index = 0; index < name.Length - 1; index++)
        {
            if (IsSeparator(name[index]) && IsSeparator(name[index + 1]))
            {
                return TrailNameViolation.AdjacentSeparators;
            }
        }

        index = -1;
        return IsIpFormat(name) ? TrailNameViolation.IpAddress : TrailNameViolation.None;
    }

    private static string? DescribeName(string name)
    {
        var violation = ClassifyName(name, out var index);
        if (violation == TrailNameViolation.None)
        {
            return null; // Before quoting: valid names are nearly all the names checked.
        }

        var quoted = RuleText.Quote(name);
        switch (violation)
        {
            case TrailNameViolation.Characters:
                return "trail name " + quoted + " has " + RuleText.DescribeAt(name, index) + " at index " + RuleText.Num(index)
                    + "; only ASCII letters, digits, '.', '_' and '-' are allowed";
            case TrailNameViolation.Length:
                return "trail name " + quoted + " is " + RuleText.Num(name.Length) + (name.Length == 1 ? " character" : " characters")
                    + " long; it must be " + RuleText.Num(MinLength) + " to " + RuleText.Num(MaxLength);
            case TrailNameViolation.StartOrEnd:
                return "trail name " + quoted + (index == 0 ? " must start" : " must end") + " with a letter or digit";
            case TrailNameViolation.AdjacentSeparators:
                return "trail name " + quoted + " has adjacent " + RuleText.Describe(name[index]) + " and "
                    + RuleText.Describe(name[index + 1]) + " at index " + RuleText.Num(index)
                    + " (no two of '.', '_', '-' may be adjacent)";
            default:
                return "trail name " + quoted + " is in IP address format";
        }
    }

    /// <summary>Four dot-separated groups of 1 to 3 ASCII digits, e.g. <c>192.168.5.4</c> (values above 255 included).</summary>
    private static bool IsIpFormat(string name)
    {
        var groups = 0;
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] == '.')
            {
                var length = i - start;
                if (length < 1 || length > 3 || !AllDigits(name, start, length))
                {
                    return false;
                }

                groups++;
                start = i + 1;
            }
        }

        return groups == 4;
    }

    internal static bool AllDigits(string value, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (!IsDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllowed(char c) => IsLetterOrDigit(c) || IsSeparator(c);

    private static bool IsSeparator(char c) => c == '.' || c == '_' || c == '-';

    private static bool IsLetterOrDigit(char c) => IsDigit(c) || IsLower(c) || (c >= 'A' && c <= 'Z');

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsLower(char c) => c >= 'a' && c <= 'z';
}
