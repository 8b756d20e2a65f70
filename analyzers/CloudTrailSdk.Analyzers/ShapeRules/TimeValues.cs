using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers.ShapeRules;

/// <summary>
/// The instant a <c>DateTime</c> or <c>DateTimeOffset</c> expression stands for, when it is built from constants:
/// a constructor call, <c>Parse</c>/<c>ParseExact</c> of a constant string, <c>TimeSpan.Zero</c> and constant
/// <c>TimeSpan</c> offsets. A <c>DateTime</c> that is not UTC is read as UTC: two such values shift alike, so their
/// order, which is all the time-order rule asks, is kept.
/// </summary>
internal static class TimeValues
{
    public static bool TryGet(IOperation operation, out DateTimeOffset value)
    {
        value = default;
        var current = operation;
        while (current is IConversionOperation conversion && (conversion.Conversion.IsImplicit || conversion.Conversion.IsIdentity || conversion.Conversion.IsNullable))
        {
            current = conversion.Operand; // Includes DateTime -> DateTimeOffset, a user-defined implicit conversion.
        }

        var result = Evaluate(current);
        switch (result)
        {
            case DateTimeOffset offset:
                value = offset;
                return true;
            case DateTime time:
                value = new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));
                return true;
            default:
                return false;
        }
    }

    private static object? Evaluate(IOperation operation)
    {
        if (operation.ConstantValue is { HasValue: true } constant)
        {
            return constant.Value;
        }

        switch (operation)
        {
            case IConversionOperation conversion when conversion.OperatorMethod is null:
                return Evaluate(conversion.Operand);
            case IObjectCreationOperation { Constructor: { } constructor, Initializer: null } creation when IsTimeType(constructor.ContainingType):
                return Construct(constructor, creation.Arguments);
            case IFieldReferenceOperation { Field: { IsStatic: true, Name: "Zero" } field } when IsNamed(field.ContainingType, "TimeSpan"):
                return TimeSpan.Zero;
            case IInvocationOperation invocation when IsTimeType(invocation.TargetMethod.ContainingType):
                return Invoke(invocation);
            default:
                return null;
        }
    }

    private static object? Construct(IMethodSymbol constructor, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        if (RuntimeType(constructor.ContainingType) is not { } type || Arguments(constructor, arguments) is not { } values)
        {
            return null;
        }

        var info = type.GetConstructor(values.Types);
        try
        {
            return info?.Invoke(values.Values);
        }
        catch (System.Reflection.TargetInvocationException)
        {
            return null; // Out of range: the call throws at run time, which is not this rule's business.
        }
    }

    private static object? Invoke(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!method.IsStatic || method.Name is not ("Parse" or "ParseExact" or "FromDays" or "FromHours" or "FromMinutes" or "FromSeconds")
            || RuntimeType(method.ContainingType) is not { } type || Arguments(method, invocation.Arguments) is not { } values)
        {
            return null;
        }

        try
        {
            return type.GetMethod(method.Name, values.Types)?.Invoke(null, values.Values);
        }
        catch (System.Reflection.TargetInvocationException)
        {
            return null; // Not parsable: the call throws at run time.
        }
    }

    private static (Type[] Types, object?[] Values)? Arguments(IMethodSymbol method, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        var types = new Type[method.Parameters.Length];
        var values = new object?[method.Parameters.Length];
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || RuntimeType(parameter.Type) is not { } type)
            {
                return null;
            }

            object? value;
            if (type == typeof(IFormatProvider))
            {
                // Only the invariant culture is known at compile time; a user's culture is not.
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && !IsInvariantCulture(argument.Value))
                {
                    return null;
                }

                value = CultureInfo.InvariantCulture;
            }
            else
            {
                value = Evaluate(argument.Value);
                if (value is null)
                {
                    return null;
                }

                if (type.IsEnum)
                {
                    value = Enum.ToObject(type, value);
                }
                else if (value.GetType() != type)
                {
                    try
                    {
                        value = Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
                    }
                    catch (InvalidCastException)
                    {
                        return null;
                    }
                }
            }

            types[parameter.Ordinal] = type;
            values[parameter.Ordinal] = value;
        }

        foreach (var type in types)
        {
            if (type is null)
            {
                return null;
            }
        }

        return (types, values);
    }

    private static bool IsInvariantCulture(IOperation operation) =>
        ConstantValues.WithoutConversions(operation) is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "InvariantCulture" } property }
        && property.ContainingType is { Name: "CultureInfo", ContainingNamespace.Name: "Globalization" };

    private static bool IsTimeType(ITypeSymbol? type) =>
        type is not null && (IsNamed(type, "DateTime") || IsNamed(type, "DateTimeOffset") || IsNamed(type, "TimeSpan"));

    private static bool IsNamed(ITypeSymbol type, string name) =>
        type.Name == name && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>The runtime type for the few parameter types these calls take; null for anything else.</summary>
    private static Type? RuntimeType(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Int32: return typeof(int);
            case SpecialType.System_Int64: return typeof(long);
            case SpecialType.System_Double: return typeof(double);
            case SpecialType.System_String: return typeof(string);
            case SpecialType.System_DateTime: return typeof(DateTime);
        }

        // Namespace and name, not ToDisplayString: that adds '?' to a nullable-annotated IFormatProvider.
        return (type.ContainingNamespace?.ToDisplayString() + "." + type.Name) switch
        {
            "System.DateTimeOffset" => typeof(DateTimeOffset),
            "System.TimeSpan" => typeof(TimeSpan),
            "System.DateTimeKind" => typeof(DateTimeKind),
            "System.Globalization.DateTimeStyles" => typeof(DateTimeStyles),
            "System.IFormatProvider" => typeof(IFormatProvider),
            _ => null,
        };
    }
}
