using System;
using System.Collections.Immutable;
using System.Globalization;
using CloudTrailSdk.Rules;
using CloudTrailSdk.Runtime.Rules;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Analyzers;

/// <summary>
/// Runs the shared rules on a value flowing into a constrained member and reports what they say. Holds no rule logic
/// of its own: every verdict and every message comes from <c>CloudTrailSdk.Runtime.Rules</c> and <c>CloudTrailSdk.Rules</c>, the code the runtime runs.
/// </summary>
internal sealed class ConstraintChecker
{
    private readonly ConstraintReader _reader;
    private readonly Action<Diagnostic> _report;

    public ConstraintChecker(ConstraintReader reader, Action<Diagnostic> report)
    {
        _reader = reader;
        _report = report;
    }

    /// <summary>Checks <paramref name="value"/>, assigned or passed to <paramref name="member"/>, against <paramref name="constraints"/>.</summary>
    public void CheckFlow(IOperation value, ImmutableArray<Constraint> constraints, string member)
    {
        CollectionShape? shape = null;
        var shapeRead = false;
        foreach (var constraint in constraints)
        {
            if (!constraint.AppliesToItems)
            {
                if (constraint.Kind == ConstraintKind.Count)
                {
                    shape = shapeRead ? shape : CollectionShape.Of(value);
                    shapeRead = true;
                    CheckCount(value, shape, constraint, member);
                }
                else if (ConstantValues.TryGet(value, _reader, out var constant))
                {
                    CheckConstant(value, constant, constraint, member);
                }

                continue;
            }

            shape = shapeRead ? shape : CollectionShape.Of(value);
            shapeRead = true;
            if (shape is null || constraint.Kind == ConstraintKind.Count)
            {
                continue; // Counts of nested lists are not written in place often enough to be worth following.
            }

            for (var i = 0; i < shape.Elements.Length; i++)
            {
                if (ConstantValues.TryGet(shape.Elements[i], _reader, out var item))
                {
                    CheckConstant(shape.Elements[i], item, constraint, member + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                }
            }
        }
    }

    /// <summary>Checks a constant string that builds a string-backed enum against the enum's known values.</summary>
    public void CheckEnum(IOperation value, string[] known, string target)
    {
        if (value.ConstantValue is { HasValue: true, Value: string text } && EnumRule.Check(text, known) is { } problem)
        {
            var properties = EnumRule.Closest(text, known) is { } closest
                ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, closest)
                : null;
            Report(ConstraintDescriptors.UnknownEnumValue, value, target, problem, properties);
        }
    }

    private void CheckCount(IOperation value, CollectionShape? shape, Constraint constraint, string member)
    {
        if (shape is null)
        {
            return;
        }

        // A lower bound proves only that the maximum is broken, so the minimum is checked only on an exact count.
        var problem = CountRule.Check(shape.Count, shape.IsExact ? constraint.Min : -1, constraint.Max);
        if (problem is not null)
        {
            Report(ConstraintDescriptors.Count, value, member, problem);
        }
    }

    private void CheckConstant(IOperation value, object constant, Constraint constraint, string member)
    {
        if (constraint.Kind == ConstraintKind.Range)
        {
            if (ToDouble(constant) is { } number && RangeRule.Check(number, constraint.RangeMin, constraint.RangeMax) is { } outOfRange)
            {
                Report(ConstraintDescriptors.Range, value, member, outOfRange);
            }

            return;
        }

        if (constant is not string text)
        {
            return;
        }

        switch (constraint.Kind)
        {
            case ConstraintKind.Length when LengthRule.Check(text, constraint.Min, constraint.Max) is { } problem:
                Report(ConstraintDescriptors.Length, value, member, problem);
                break;
            case ConstraintKind.Pattern when PatternRule.Check(text, constraint.Text) is { } problem:
                Report(ConstraintDescriptors.Pattern, value, member, problem);
                break;
            case ConstraintKind.WeightedLength when WeightedLengthRule.Check(text, (int)Math.Min(constraint.Max, int.MaxValue), constraint.Text) is { } problem:
                Report(ConstraintDescriptors.WeightedLength, value, member, problem);
                break;
            case ConstraintKind.AllowedValues when AllowedValuesRule.Check(text, constraint.Values) is { } problem:
                Report(ConstraintDescriptors.AllowedValues, value, member, problem);
                break;
            case ConstraintKind.Rule when NamedRules.Check(constraint.Text, text) is { } problem:
                Report(ConstraintDescriptors.NamedRule, value, member, problem, SuggestionFor(constraint.Text, text));
                break;
        }
    }

    /// <summary>A corrected value for the code fix, where the named rule has a suggester (the trail-name rules do).</summary>
    private static ImmutableDictionary<string, string?>? SuggestionFor(string rule, string value) =>
        NamedRules.Suggest(rule, value) is { } suggestion
            ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, suggestion)
            : null;

    private static double? ToDouble(object constant) => constant switch
    {
        // Only numbers: a char or bool constant flowing into a numeric member is not a value this rule judges.
        sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal =>
            ((IConvertible)constant).ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };

    private void Report(DiagnosticDescriptor descriptor, IOperation value, string member, string problem, ImmutableDictionary<string, string?>? properties = null) =>
        _report(Diagnostic.Create(descriptor, value.Syntax.GetLocation(), properties, member, problem));
}
