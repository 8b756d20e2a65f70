using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Analyzers;

/// <summary>
/// Reads the constraints stamped on properties and parameters, and the known values of string-backed enums, once per
/// symbol per compilation: a project with hundreds of call sites touches only a few dozen members.
/// </summary>
internal sealed class ConstraintReader
{
    private readonly ConstraintTypes _types;
    // Arrays, not ImmutableArray: a cache over a struct value is a generic instantiation the runtime has not
    // precompiled, and a build in a fresh compiler process pays for compiling it.
    private readonly ConcurrentDictionary<ISymbol, Constraint[]> _members = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, string[]?> _enums = new(SymbolEqualityComparer.Default);
    private readonly Func<ISymbol, Constraint[]> _read;
    private readonly Func<ITypeSymbol, string[]?> _readEnum;

    public ConstraintReader(ConstraintTypes types)
    {
        _types = types;
        _read = Read;
        _readEnum = ReadEnum;
    }

    /// <summary>The constraints of a property (including those it overrides) or a parameter; empty when none.</summary>
    public Constraint[] For(ISymbol member)
    {
        if (!_types.MayCarry(member))
        {
            return Array.Empty<Constraint>();
        }

        return _members.TryGetValue(member, out var found) ? found : _members.GetOrAdd(member, _read);
    }

    /// <summary>The known values when <paramref name="type"/> (or the type a nullable wraps) is a string-backed enum; otherwise null.</summary>
    public string[]? KnownValues(ITypeSymbol? type)
    {
        if (type is null || _types.StringEnum is null)
        {
            return null;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (!_types.MayCarry(type))
        {
            return null;
        }

        return _enums.TryGetValue(type, out var found) ? found : _enums.GetOrAdd(type, _readEnum);
    }

    private string[]? ReadEnum(ITypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _types.StringEnum))
            {
                return Strings(attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0] : default);
            }
        }

        return null;
    }

    private Constraint[] Read(ISymbol member)
    {
        var found = new List<Constraint>();
        for (var current = member; current is not null; current = (current as IPropertySymbol)?.OverriddenProperty)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (ToConstraint(attribute) is { } constraint)
                {
                    found.Add(constraint);
                }
            }
        }

        return found.Count == 0 ? Array.Empty<Constraint>() : found.ToArray();
    }

    private Constraint? ToConstraint(AttributeData attribute)
    {
        var type = attribute.AttributeClass;
        if (type is null)
        {
            return null;
        }

        var kind = KindOf(type);
        if (kind is null)
        {
            return null;
        }

        var constraint = new Constraint(kind.Value, Named(attribute, "AppliesToItems") is true);
        var arguments = attribute.ConstructorArguments;
        switch (kind.Value)
        {
            case ConstraintKind.Length:
            case ConstraintKind.Count:
                constraint.Min = ToLong(Named(attribute, "Min"), -1);
                constraint.Max = ToLong(Named(attribute, "Max"), -1);
                break;
            case ConstraintKind.Range:
                constraint.RangeMin = ToDouble(Named(attribute, "Min"));
                constraint.RangeMax = ToDouble(Named(attribute, "Max"));
                break;
            case ConstraintKind.Pattern:
            case ConstraintKind.Rule:
                if (arguments.Length != 1 || arguments[0].Value is not string text)
                {
                    return null;
                }

                constraint.Text = text;
                break;
            case ConstraintKind.WeightedLength:
                if (arguments.Length != 2 || arguments[1].Value is not string doubled)
                {
                    return null;
                }

                constraint.Max = ToLong(arguments[0].Value, -1);
                constraint.Text = doubled;
                break;
            case ConstraintKind.AllowedValues:
                if (arguments.Length != 1 || Strings(arguments[0]) is not { } values)
                {
                    return null;
                }

                constraint.Values = values;
                break;
        }

        return constraint;
    }

    private ConstraintKind? KindOf(INamedTypeSymbol type)
    {
        var comparer = SymbolEqualityComparer.Default;
        if (comparer.Equals(type, _types.Length)) return ConstraintKind.Length;
        if (comparer.Equals(type, _types.Range)) return ConstraintKind.Range;
        if (comparer.Equals(type, _types.Count)) return ConstraintKind.Count;
        if (comparer.Equals(type, _types.Pattern)) return ConstraintKind.Pattern;
        if (comparer.Equals(type, _types.Rule)) return ConstraintKind.Rule;
        if (comparer.Equals(type, _types.WeightedLength)) return ConstraintKind.WeightedLength;
        if (comparer.Equals(type, _types.AllowedValues)) return ConstraintKind.AllowedValues;

        // AwsDefaultValue, and any constraint a newer runtime adds, carry nothing this analyzer can check.
        return null;
    }

    private static object? Named(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value;
            }
        }

        return null;
    }

    private static string[]? Strings(TypedConstant array)
    {
        if (array.Kind != TypedConstantKind.Array)
        {
            return null;
        }

        var values = new string[array.Values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (array.Values[i].Value is not string value)
            {
                return null;
            }

            values[i] = value;
        }

        return values;
    }

    private static long ToLong(object? value, long fallback) =>
        value is IConvertible convertible ? convertible.ToInt64(CultureInfo.InvariantCulture) : fallback;

    private static double ToDouble(object? value) =>
        value is IConvertible convertible ? convertible.ToDouble(CultureInfo.InvariantCulture) : double.NaN;
}
