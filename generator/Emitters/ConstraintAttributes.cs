using System.Collections.Generic;
using System.Linq;
using System.Text;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Emitters;

/// <summary>
/// Writes the constraint attributes stamped on generated members. They are the analyzers' only source of truth, so
/// everything the validator checks on a member is stamped here too.
/// </summary>
internal static class ConstraintAttributes
{
    public static IEnumerable<string> ForMember(MemberSpec member)
    {
        foreach (var c in member.Type.Constraints)
        {
            if (Write(c, items: false, member.ErrorCode) is { } text)
            {
                yield return text;
            }
        }

        if (member.Type.Kind == TypeKind.List && member.Type.Element is { } element)
        {
            foreach (var c in element.Constraints)
            {
                if (Write(c, items: true, member.ErrorCode) is { } text)
                {
                    yield return text;
                }
            }
        }

        foreach (var c in member.Customizations)
        {
            if (Write(c, c.AppliesToItems, c.ErrorCode ?? member.ErrorCode) is { } text)
            {
                yield return text;
            }
        }
    }

    public static string ShapeRule(ShapeRuleSpec rule)
    {
        var text = new StringBuilder("[" + TypeNames.Constraints + ".AwsShapeRule(" + Literals.String(rule.Rule));
        foreach (var argument in rule.Arguments)
        {
            text.Append(", ").Append(Literals.String(argument));
        }

        text.Append(')');
        var named = new List<string>();
        if (rule.Limit >= 0)
        {
            named.Add("Limit = " + Literals.Long(rule.Limit));
        }

        if (rule.ErrorCode is { } code)
        {
            named.Add("ErrorCode = " + Literals.String(code));
        }

        if (named.Count > 0)
        {
            text.Length--;
            text.Append(", ").Append(string.Join(", ", named)).Append(')');
        }

        return text.Append(']').ToString();
    }

    private static string? Write(ConstraintSpec c, bool items, string? errorCode)
    {
        var named = new List<string>();
        string head;
        switch (c.Kind)
        {
            case ConstraintKind.Length:
            case ConstraintKind.Count:
                head = c.Kind == ConstraintKind.Length ? "AwsLength" : "AwsCount";
                if (c.Min is { } min)
                {
                    named.Add("Min = " + Literals.Long(min));
                }

                if (c.Max is { } max)
                {
                    named.Add("Max = " + Literals.Long(max));
                }

                break;
            case ConstraintKind.Range:
                head = "AwsRange";
                if (c.Min is { } rmin)
                {
                    named.Add("Min = " + Literals.Double(rmin));
                }

                if (c.Max is { } rmax)
                {
                    named.Add("Max = " + Literals.Double(rmax));
                }

                break;
            case ConstraintKind.Pattern:
                head = "AwsPattern(" + Literals.String(c.Text!) + ")";
                break;
            case ConstraintKind.NamedRule:
                head = "AwsRule(" + Literals.String(c.Text!) + ")";
                break;
            case ConstraintKind.WeightedLength:
                head = "AwsWeightedLength(" + Literals.Long(c.Max ?? 0) + ", " + Literals.String(c.Text!) + ")";
                break;
            case ConstraintKind.AllowedValues:
                head = "AwsAllowedValues(" + string.Join(", ", c.Values.Select(Literals.String)) + ")";
                break;
            case ConstraintKind.Default:
                head = "AwsDefaultValue(" + Literals.String(c.Text!) + ")";
                break;
            default:
                return null;
        }

        if (items)
        {
            named.Add("AppliesToItems = true");
        }

        if (errorCode is not null && c.Kind != ConstraintKind.Default)
        {
            named.Add("ErrorCode = " + Literals.String(errorCode));
        }

        var open = head.IndexOf('(');
        string text;
        if (named.Count == 0)
        {
            text = head;
        }
        else if (open < 0)
        {
            text = head + "(" + string.Join(", ", named) + ")";
        }
        else
        {
            text = head.Substring(0, head.Length - 1) + ", " + string.Join(", ", named) + ")";
        }

        return "[" + TypeNames.Constraints + "." + text + "]";
    }
}
