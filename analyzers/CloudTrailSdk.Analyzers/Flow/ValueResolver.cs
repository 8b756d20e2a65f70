using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers.Flow;

/// <summary>
/// Finds the constants a value may be: written in place, through the arms of <c>?:</c>, <c>??</c> and switch
/// expressions (each arm on its own), through a local whose every reaching assignment is known, through
/// <c>string.Concat</c>/<c>Join</c>/<c>Format</c> of known values; and hands fields and read-only properties to
/// <see cref="FieldFlow"/>, which knows them only once the whole compilation is seen.
/// </summary>
internal sealed class ValueResolver
{
    // Deep enough for any hand-written chain, shallow enough that a pathological one costs nothing.
    private const int MaxDepth = 8;

    private readonly ConstraintReader _reader;
    private readonly BodyFlows? _flows;
    private readonly FieldFlow? _fields;

    public ValueResolver(ConstraintReader reader, BodyFlows? flows, FieldFlow? fields)
    {
        _reader = reader;
        _flows = flows;
        _fields = fields;
    }

    /// <summary>
    /// Adds to <paramref name="found"/> every known value <paramref name="value"/> may be, and to
    /// <paramref name="deferred"/> the fields and properties it may come from. Arms that are not known are skipped:
    /// each known arm is a value the member really receives on some path.
    /// </summary>
    public void Resolve(IOperation value, List<KnownValue> found, List<DeferredValue>? deferred)
    {
        ResolveInto(value, null, null, found, deferred, strict: false, depth: 0, flow: null);
    }

    /// <summary>
    /// True when every value <paramref name="value"/> may be is known (all added to <paramref name="found"/>, each
    /// reported at <paramref name="reportAt"/>); false when any path gives an unknown value.
    /// </summary>
    public bool ResolveAll(IOperation value, IOperation? reportAt, string? via, List<KnownValue> found, LocalFlow? flow = null) =>
        ResolveInto(value, reportAt, via, found, null, strict: true, depth: 0, flow);

    private bool ResolveInto(IOperation value, IOperation? reportAt, string? via, List<KnownValue> found, List<DeferredValue>? deferred, bool strict, int depth, LocalFlow? flow)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        for (var current = value; current is not null; current = ConstantValues.Unwrap(current, _reader))
        {
            if (current.ConstantValue is { HasValue: true } constant)
            {
                if (constant.Value is null)
                {
                    return false;
                }

                found.Add(new KnownValue(constant.Value, reportAt ?? value, via));
                return true;
            }

            switch (current)
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Arms(found, deferred, strict, depth, flow, reportAt, via,
                        (conditional.WhenTrue, "when-true arm of ?:"), (whenFalse, "when-false arm of ?:"));
                case ICoalesceOperation coalesce:
                    return Arms(found, deferred, strict, depth, flow, reportAt, via,
                        (coalesce.Value, "left of ??"), (coalesce.WhenNull, "right of ??"));
                case ISwitchExpressionOperation switchExpression:
                    var arms = new (IOperation, string)[switchExpression.Arms.Length];
                    for (var i = 0; i < arms.Length; i++)
                    {
                        var arm = switchExpression.Arms[i];
                        arms[i] = (arm.Value, "switch arm '" + arm.Pattern.Syntax + "'");
                    }

                    return Arms(found, deferred, strict, depth, flow, reportAt, via, arms);
                case ILocalReferenceOperation local:
                    return Local(local, reportAt, via, found, strict, depth, flow);
                case IFlowCaptureReferenceOperation capture when flow?.CaptureValues(capture.Id) is { } captured:
                    var all = true;
                    foreach (var arm in captured)
                    {
                        all &= ResolveInto(arm, reportAt, via, found, deferred, strict, depth + 1, flow);
                    }

                    return all;
                case IInvocationOperation invocation when StringCalls.IsFoldable(invocation.TargetMethod):
                    return Invocation(invocation, reportAt ?? value, via, found, depth, flow);
                case IFieldReferenceOperation or IPropertyReferenceOperation when !strict && deferred is not null && _fields is not null
                    && FieldFlow.IsCandidate(((IMemberReferenceOperation)current).Member):
                    deferred.Add(new DeferredValue(((IMemberReferenceOperation)current).Member, reportAt ?? value, via));
                    return false;
            }
        }

        return false;
    }

    private bool Arms(List<KnownValue> found, List<DeferredValue>? deferred, bool strict, int depth, LocalFlow? flow, IOperation? reportAt, string? via, params (IOperation Value, string Name)[] arms)
    {
        var all = true;
        foreach (var (arm, name) in arms)
        {
            // An arm is reported on itself, unless the whole expression was reached through a local or field.
            all &= ResolveInto(arm, reportAt, via ?? name, found, deferred, strict, depth + 1, flow);
            if (!all && strict)
            {
                return false;
            }
        }

        return all;
    }

    /// <summary>
    /// Set by the checker for the constraints at hand: whether a value breaks one of them. Lets a local with several
    /// assignments skip the control-flow graph when none of its assigned values could be reported anyway.
    /// </summary>
    public Func<KnownValue, bool>? Breaks { get; set; }

    private bool Local(ILocalReferenceOperation local, IOperation? reportAt, string? via, List<KnownValue> found, bool strict, int depth, LocalFlow? flow)
    {
        List<IOperation>? definitions;
        BodyFlow? body = null;
        if (flow is not null)
        {
            // A local inside a definition's value, already in graph terms: look it up in the same graph.
            definitions = flow.ReachingValues(local.Syntax);
        }
        else if (local.Local.RefKind != RefKind.None || (body = _flows?.For(local)) is null
            || body.AllWrites.Of(local.Local) is not { } writes || body.AllWrites.Poisoned.Contains(local.Local))
        {
            return false;
        }
        else if (writes.Count == 1)
        {
            // Assigned once: C# lets a local be read only where it is definitely assigned, so that write reaches every read.
            if (writes[0] is not { } only)
            {
                return false;
            }

            definitions = new List<IOperation> { only };
        }
        else
        {
            if (!strict && Breaks is { } breaks && !AnyBreaks(writes, breaks, depth))
            {
                return false; // Nothing assigned to it could be reported: no need for the graph.
            }

            flow = body.For(local);
            definitions = flow?.ReachingValues(local.Syntax);
        }

        if (definitions is null)
        {
            return false;
        }

        var values = new List<KnownValue>();
        foreach (var definition in definitions)
        {
            var line = definition.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            var how = via ?? "from local '" + local.Local.Name + "' assigned on line " + line.ToString(CultureInfo.InvariantCulture);
            if (!ResolveInto(definition, reportAt ?? local, how, values, null, strict: true, depth + 1, flow))
            {
                return false; // Every reaching assignment must be known, or nothing is claimed.
            }
        }

        found.AddRange(values);
        return true;
    }

    private bool AnyBreaks(List<IOperation?> writes, Func<KnownValue, bool> breaks, int depth)
    {
        var values = new List<KnownValue>();
        foreach (var write in writes)
        {
            if (write is not null)
            {
                ResolveInto(write, null, null, values, null, strict: false, depth + 1, null);
            }
        }

        foreach (var value in values)
        {
            if (breaks(value))
            {
                return true;
            }
        }

        return false;
    }

    private bool Invocation(IInvocationOperation invocation, IOperation reportAt, string? via, List<KnownValue> found, int depth, LocalFlow? flow)
    {
        var arguments = new List<object?>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind is not ArgumentKind.Explicit and not ArgumentKind.DefaultValue)
            {
                // A params array, or (newer compilers, .NET 9+) a params span, whose operation this Roslyn does not
                // name: either way its children are the elements written at the call.
                var elements = argument.Value is IArrayCreationOperation array
                    ? (IEnumerable<IOperation>?)array.Initializer?.ElementValues ?? Array.Empty<IOperation>()
                    : argument.Value.ChildOperations;
                foreach (var element in elements)
                {
                    if (!Single(element, depth, flow, out var item))
                    {
                        return false;
                    }

                    arguments.Add(item);
                }
            }
            else if (Single(argument.Value, depth, flow, out var single))
            {
                arguments.Add(single);
            }
            else
            {
                return false;
            }
        }

        if (StringCalls.Fold(invocation.TargetMethod, arguments) is not { } result)
        {
            return false;
        }

        found.Add(new KnownValue(result, reportAt, via));
        return true;
    }

    /// <summary>An argument that has exactly one known value (a string or char, the only kinds folded).</summary>
    private bool Single(IOperation operation, int depth, LocalFlow? flow, out object? value)
    {
        var values = new List<KnownValue>();
        value = null;
        if (!ResolveInto(operation, null, null, values, null, strict: true, depth + 1, flow) || values.Count != 1)
        {
            return false;
        }

        value = values[0].Value;
        return value is string or char;
    }
}

/// <summary>A field or read-only property a value may come from; checked at the end of the compilation.</summary>
internal sealed class DeferredValue
{
    public DeferredValue(ISymbol member, IOperation reportAt, string? via)
    {
        Member = member;
        ReportAt = reportAt;
        Via = via;
    }

    public readonly ISymbol Member;

    public readonly IOperation ReportAt;

    public readonly string? Via;
}

/// <summary><c>string.Concat</c>, <c>string.Join</c> and <c>string.Format</c> evaluated on known strings and chars.</summary>
internal static class StringCalls
{
    public static bool IsFoldable(IMethodSymbol method) =>
        method.ContainingType?.SpecialType == SpecialType.System_String && method.IsStatic
        && method.Name is "Concat" or "Join" or "Format";

    public static string? Fold(IMethodSymbol method, List<object?> arguments)
    {
        var texts = new List<string>(arguments.Count);
        foreach (var argument in arguments)
        {
            texts.Add(argument is char c ? c.ToString() : (string)argument!);
        }

        switch (method.Name)
        {
            case "Concat":
                return string.Concat(texts);
            case "Join" when texts.Count >= 1:
                return string.Join(texts[0], texts.GetRange(1, texts.Count - 1));
            case "Format" when texts.Count >= 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_String:
                try
                {
                    // Strings only, so the culture cannot change the result.
                    return string.Format(CultureInfo.InvariantCulture, texts[0], texts.GetRange(1, texts.Count - 1).ToArray());
                }
                catch (FormatException)
                {
                    return null; // The call throws at run time; not a value this analyzer judges.
                }

            default:
                return null;
        }
    }
}
