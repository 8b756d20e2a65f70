using System.Collections.Generic;

namespace CloudTrailSdk.Runtime.Rules;

/// <summary>The <c>mutually-exclusive</c> shape rule: at most one of several members may be set.</summary>
public static class MutuallyExclusiveRule
{
    /// <summary>The rule's name in customizations and on <c>AwsShapeRule</c>.</summary>
    public const string Name = "mutually-exclusive";

    /// <summary>
    /// Checks which of <paramref name="members"/> are set (<paramref name="set"/>, in the same order). Returns null
    /// when at most one is, otherwise e.g. <c>only one of EventSelectors, AdvancedEventSelectors may be set; both are</c>.
    /// </summary>
    public static string? Check(string[] members, params bool[] set)
    {
        var named = new List<string>();
        for (var i = 0; i < members.Length && i < set.Length; i++)
        {
            if (set[i])
            {
                named.Add(members[i]);
            }
        }

        if (named.Count < 2)
        {
            return null;
        }

        return "only one of " + string.Join(", ", members) + " may be set; "
            + (named.Count == members.Length && named.Count == 2 ? "both are" : string.Join(" and ", named) + " are");
    }
}
