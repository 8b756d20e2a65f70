using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using CloudTrailSdk.Analyzers.Flow;
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
    private readonly BodyFlows? _flows;
    private readonly FieldFlow? _fields;
    private ValueResolver? _resolver;

    private List<Diagnostic>? _found;

    public ConstraintChecker(ConstraintReader reader, BodyFlows? flows = null, FieldFlow? fields = null)
    {
        _reader = reader;
        _flows = flows;
        _fields = fields;
    }

    /// <summary>
    /// What the checks found, for the caller to report; null when nothing. Collected rather than reported through a
    /// callback: a callback bound to each analysis context would be one more allocation for every value checked.
    /// </summary>
    public List<Diagnostic>? Found => _found;

    /// <summary>Checks <paramref name="value"/>, assigned or passed to <paramref name="member"/>, against <paramref name="constraints"/>.</summary>
    public void CheckFlow(IOperation value, Constraint[] constraints, string member)
    {
        var own = false;
        var items = false;
        foreach (var constraint in constraints)
        {
            if (constraint.Kind == ConstraintKind.Count)
            {
                // Counts of nested lists are not written in place often enough to be worth following.
                if (!constraint.AppliesToItems)
                {
                    CheckCount(value, CollectionShape.Of(value), constraint, member);
                }
            }
            else if (constraint.AppliesToItems)
            {
                items = true;
            }
            else
            {
                own = true;
            }
        }

        if (own)
        {
            CheckValues(value, constraints, items: false, member);
        }

        if (items && CollectionShape.Of(value) is { } shape)
        {
            for (var i = 0; i < shape.Elements.Length; i++)
            {
                CheckValues(shape.Elements[i], constraints, items: true, member + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
            }
        }
    }

    /// <summary>Checks one known value against every constraint that judges single values (not counts).</summary>
    public void CheckValue(KnownValue known, Constraint[] constraints, bool items, string member)
    {
        var text = known.Value as string;

        // One diagnostic per fault: a value over a weighted limit is also over a plain length limit at least as high
        // (every character weighs at least one), and the weighted message is the one that explains it.
        var weightedOver = false;
        foreach (var constraint in constraints)
        {
            if (constraint.AppliesToItems == items && constraint.Kind == ConstraintKind.WeightedLength && text is not null
                && WeightedLengthRule.Check(text, MaxOf(constraint), constraint.Text) is not null)
            {
                weightedOver = true;
            }
        }

        foreach (var constraint in constraints)
        {
            if (constraint.AppliesToItems != items || constraint.Kind == ConstraintKind.Count)
            {
                continue;
            }

            if (weightedOver && constraint.Kind == ConstraintKind.Length && text is not null
                && constraint.Max >= 0 && LengthRule.CodePointCount(text) > constraint.Max && IsCoveredByWeighted(constraints, items, constraint.Max))
            {
                continue;
            }

            CheckConstant(known.ReportAt, known.Value, constraint, known.Describe(member));
        }
    }

    private void CheckValues(IOperation value, Constraint[] constraints, bool items, string member)
    {
        // Most values are constants written in place: they need no resolver, no lists and no flow.
        if (value.ConstantValue is { HasValue: true, Value: { } constant })
        {
            CheckValue(new KnownValue(constant, value, null), constraints, items, member);
            return;
        }

        var found = new List<KnownValue>();
        var deferred = _fields is null ? null : new List<DeferredValue>();
        var resolver = _resolver ??= new ValueResolver(_reader, _flows, _fields);
        resolver.Breaks = candidate => Breaks(candidate, constraints, items);
        resolver.Resolve(value, found, deferred);
        foreach (var known in found)
        {
            CheckValue(known, constraints, items, member);
        }

        if (deferred is null)
        {
            return;
        }

        var reader = _reader;
        foreach (var field in deferred)
        {
            _fields!.Defer(field, (known, report) =>
            {
                var checker = new ConstraintChecker(reader);
                checker.CheckValue(known, constraints, items, member);
                if (checker.Found is { } found)
                {
                    found.ForEach(report);
                }
            });
        }
    }

    /// <summary>Whether <paramref name="value"/> breaks any of the constraints: the checks run, nothing is reported.</summary>
    private bool Breaks(KnownValue value, Constraint[] constraints, bool items)
    {
        var trial = new ConstraintChecker(_reader);
        trial.CheckValue(value, constraints, items, string.Empty);
        return trial.Found is not null;
    }

    private static bool IsCoveredByWeighted(Constraint[] constraints, bool items, long lengthMax)
    {
        foreach (var constraint in constraints)
        {
            if (constraint.AppliesToItems == items && constraint.Kind == ConstraintKind.WeightedLength && constraint.Max >= 0 && constraint.Max <= lengthMax)
            {
                return true;
            }
        }

        return false;
    }

    private static int MaxOf(Constraint constraint) => (int)Math.Min(constraint.Max, int.MaxValue);

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
            case ConstraintKind.WeightedLength when WeightedLengthRule.Check(text, MaxOf(constraint), constraint.Text) is { } problem:
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
        (_found ??= new List<Diagnostic>()).Add(Diagnostic.Create(descriptor, value.Syntax.GetLocation(), properties, member, problem));
}
