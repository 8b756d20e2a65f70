using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using CloudTrailSdk.Analyzers.Flow;
using CloudTrailSdk.Runtime.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers.ShapeRules;

/// <summary>
/// Checks the rules that tie members of one request together (<c>AwsShapeRule</c>) where the request is written in
/// place: mutually exclusive members, a start time after an end time, values allowed only while another member holds
/// a value. Model-driven like the member checks: rule names and member names come from the attribute, and every
/// verdict and message from the shared rule code.
/// </summary>
internal sealed class ShapeRuleChecker
{
    private readonly ShapeRuleReader _rules;
    private readonly ConstraintReader _reader;

    public ShapeRuleChecker(ShapeRuleReader rules, ConstraintReader reader)
    {
        _rules = rules;
        _reader = reader;
    }

    /// <summary>Checks an object creation or <c>with</c> expression of a type that carries shape rules.</summary>
    public void Check(OperationAnalysisContext context)
    {
        var operation = context.Operation;
        if (operation.Type is not { } type || _rules.For(type) is not { Length: > 0 } rules || InitializerMembers.Of(operation) is not { } members)
        {
            return;
        }

        // Bound here, past the test most creations fail: every object creation in the project reaches this action.
        Action<Diagnostic> report = context.ReportDiagnostic;

        foreach (var rule in rules)
        {
            switch (rule.Name)
            {
                case MutuallyExclusiveRule.Name:
                    CheckExclusive(type, rule.Arguments, members, report);
                    break;
                case "not-after" when rule.Arguments.Length == 2:
                    CheckTimeOrder(type, rule.Arguments, members, report);
                    break;
                case AllowedValuesWhenRule.Name when rule.Arguments.Length >= 4:
                    CheckAllowedWhen(type, rule.Arguments, members, report);
                    break;
            }
        }
    }

    private static void CheckExclusive(ITypeSymbol type, string[] names, InitializerMembers members, Action<Diagnostic> report)
    {
        var set = new bool[names.Length];
        ISimpleAssignmentOperation? first = null;
        ISimpleAssignmentOperation? last = null;
        for (var i = 0; i < names.Length; i++)
        {
            if (members.Get(names[i]) is { } assignment && InitializerMembers.IsSet(assignment))
            {
                set[i] = true;
                first = first is null || assignment.Syntax.SpanStart < first.Syntax.SpanStart ? assignment : first;
                last = last is null || assignment.Syntax.SpanStart > last.Syntax.SpanStart ? assignment : last;
            }
        }

        if (MutuallyExclusiveRule.Check(names, set) is { } problem && first is not null && last is not null)
        {
            // On the member written last: the one a reader added to a request that was already complete.
            report(Diagnostic.Create(
                ConstraintDescriptors.MutuallyExclusive,
                last.Syntax.GetLocation(),
                new[] { first.Syntax.GetLocation() },
                ImmutableDictionary<string, string?>.Empty,
                type.Name, problem));
        }
    }

    private static void CheckTimeOrder(ITypeSymbol type, string[] names, InitializerMembers members, Action<Diagnostic> report)
    {
        if (members.Get(names[0]) is not { } start || members.Get(names[1]) is not { } end
            || !TimeValues.TryGet(start.Value, out var startTime) || !TimeValues.TryGet(end.Value, out var endTime))
        {
            return;
        }

        if (TimeOrderRule.Check(startTime, endTime, names[0], names[1]) is { } problem)
        {
            report(Diagnostic.Create(
                ConstraintDescriptors.TimeOrder,
                start.Syntax.GetLocation(),
                new[] { end.Syntax.GetLocation() },
                ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.OtherMember, names[1]),
                type.Name, problem));
        }
    }

    private void CheckAllowedWhen(ITypeSymbol type, string[] arguments, InitializerMembers members, Action<Diagnostic> report)
    {
        if (members.Get(arguments[0]) is not { } condition
            || SingleText(condition.Value) is not { } conditionValue
            || !AllowedValuesWhenRule.Applies(conditionValue, arguments[1]))
        {
            return;
        }

        var allowed = new string[arguments.Length - 3];
        for (var i = 0; i < allowed.Length; i++)
        {
            allowed[i] = arguments[i + 3];
        }

        Walk(members, arguments[2].Split('.'), 0, type.Name, value =>
        {
            foreach (var text in Texts(value.Operation))
            {
                if (AllowedValuesWhenRule.Check(text.Value as string, allowed, arguments[0], arguments[1]) is { } problem)
                {
                    report(Diagnostic.Create(ConstraintDescriptors.AllowedWhen, text.ReportAt.Syntax.GetLocation(), text.Describe(value.Path), problem));
                }
            }
        });
    }

    /// <summary>Follows a path such as <c>LookupAttributes[].AttributeKey</c> through initializers and collections written in place.</summary>
    private static void Walk(InitializerMembers members, string[] segments, int index, string path, Action<(IOperation Operation, string Path)> leaf)
    {
        var isList = segments[index].EndsWith("[]", StringComparison.Ordinal);
        var name = isList ? segments[index].Substring(0, segments[index].Length - 2) : segments[index];
        if (members.Get(name) is not { } assignment)
        {
            return;
        }

        path += "." + name;
        if (index == segments.Length - 1)
        {
            leaf((assignment.Value, path));
            return;
        }

        if (!isList)
        {
            if (InitializerMembers.Of(ConstantValues.WithoutConversions(assignment.Value)) is { } inner)
            {
                Walk(inner, segments, index + 1, path, leaf);
            }

            return;
        }

        if (CollectionShape.Of(assignment.Value) is not { } shape)
        {
            return;
        }

        for (var i = 0; i < shape.Elements.Length; i++)
        {
            if (InitializerMembers.Of(ConstantValues.WithoutConversions(shape.Elements[i])) is { } item)
            {
                Walk(item, segments, index + 1, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", leaf);
            }
        }
    }

    private string? SingleText(IOperation value)
    {
        var texts = Texts(value);
        return texts.Count == 1 ? texts[0].Value as string : null;
    }

    /// <summary>The known string values of <paramref name="value"/>, including a string-backed enum's named values.</summary>
    private List<KnownValue> Texts(IOperation value)
    {
        var found = new List<KnownValue>();
        if (EnumMembers.TryGet(value, _reader, out var named))
        {
            found.Add(new KnownValue(named, value, null));
            return found;
        }

        new ValueResolver(_reader, flows: null, fields: null).Resolve(value, found, deferred: null);
        return found;
    }
}
