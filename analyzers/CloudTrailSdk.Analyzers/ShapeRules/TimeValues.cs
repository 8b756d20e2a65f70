using System;
using System.Collections.Immutable;
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
/// <remarks>
/// Each overload is called directly rather than through reflection: reflection's invoke stubs are generated and
/// compiled on first use, a cost every build would pay again in a fresh compiler process.
/// </remarks>
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

        switch (Evaluate(current))
        {
            case DateTimeOffset offset:
                value = offset;
                return true;
            case DateTime time:
                value = AsUtc(time);
                return true;
            default:
                return false;
        }
    }

    private static DateTimeOffset AsUtc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

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
            case IObjectCreationOperation { Constructor: { } constructor, Initializer: null } creation when TimeType(constructor.ContainingType) is { } type:
                return Arguments(constructor, creation.Arguments) is { } constructed ? Guard(() => Construct(type, constructed)) : null;
            case IFieldReferenceOperation { Field: { IsStatic: true, Name: "Zero" } field } when TimeType(field.ContainingType) == "TimeSpan":
                return TimeSpan.Zero;
            case IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation when TimeType(method.ContainingType) is { } type:
                return Arguments(method, invocation.Arguments) is { } called ? Guard(() => Call(type, method.Name, called)) : null;
            default:
                return null;
        }
    }

    /// <summary>Runs a constructor or parse; null when it throws, as it then does at run time too (not this rule's business).</summary>
    private static object? Guard(Func<object?> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            return null;
        }
    }

    private static object? Construct(string type, object?[] a)
    {
        var shape = Shape(a);
        switch (type)
        {
            case "DateTime":
                return shape switch
                {
                    "l" => new DateTime(L(a[0])),
                    "lk" => new DateTime(L(a[0]), K(a[1])),
                    "iii" => new DateTime(I(a[0]), I(a[1]), I(a[2])),
                    "iiiiii" => new DateTime(I(a[0]), I(a[1]), I(a[2]), I(a[3]), I(a[4]), I(a[5])),
                    "iiiiiik" => new DateTime(I(a[0]), I(a[1]), I(a[2]), I(a[3]), I(a[4]), I(a[5]), K(a[6])),
                    "iiiiiii" => new DateTime(I(a[0]), I(a[1]), I(a[2]), I(a[3]), I(a[4]), I(a[5]), I(a[6])),
                    "iiiiiiik" => new DateTime(I(a[0]), I(a[1]), I(a[2]), I(a[3]), I(a[4]), I(a[5]), I(a[6]), K(a[7])),
                    "iiiiiiii" => Microseconds(new DateTime(I(a[0]), I(a[1]), I(a[2]), I(a[3]), I(a[4]), I(a[5]), I(a[6])), I(a[7])),
                    "iiiiiiiik" => Microseconds(new DateTime(I(a[0]), I(a[1]), I(a[2]), I(a[3]), I(a[4]), I(a[5]), I(a[6]), K(a[8])), I(a[7])),
                    _ => null,
                };
            case "DateTimeOffset":
                return shape switch
                {
                    "d" => AsUtc((DateTime)a[0]!),
                    "dt" => WithOffset((DateTime)a[0]!, (TimeSpan)a[1]!),
                    "lt" => new DateTimeOffset(L(a[0]), (TimeSpan)a[1]!),
                    "iiiiiit" => new DateTimeOffset(I(a[0]), I(a[1]), I(a[2]), I(a[3]), I(a[4]), I(a[5]), (TimeSpan)a[6]!),
                    "iiiiiiit" => new DateTimeOffset(I(a[0]), I(a[1]), I(a[2]), I(a[3]), I(a[4]), I(a[5]), I(a[6]), (TimeSpan)a[7]!),
                    "iiiiiiiit" => Microseconds(new DateTimeOffset(I(a[0]), I(a[1]), I(a[2]), I(a[3]), I(a[4]), I(a[5]), I(a[6]), (TimeSpan)a[8]!), I(a[7])),
                    _ => null,
                };
            default:
                return shape switch
                {
                    "l" => new TimeSpan(L(a[0])),
                    "iii" => new TimeSpan(I(a[0]), I(a[1]), I(a[2])),
                    "iiii" => new TimeSpan(I(a[0]), I(a[1]), I(a[2]), I(a[3])),
                    "iiiii" => new TimeSpan(I(a[0]), I(a[1]), I(a[2]), I(a[3]), I(a[4])),
                    "iiiiii" => new TimeSpan(I(a[0]), I(a[1]), I(a[2]), I(a[3]), I(a[4])) + TimeSpan.FromTicks(Micro(I(a[5]))),
                    _ => null,
                };
        }
    }

    private static object? Call(string type, string name, object?[] a)
    {
        var shape = Shape(a);
        var culture = CultureInfo.InvariantCulture;
        switch (type, name)
        {
            case ("DateTime", "Parse"):
                return shape switch
                {
                    "s" => DateTime.Parse(S(a[0]), culture),
                    "sp" => DateTime.Parse(S(a[0]), culture),
                    "spy" => DateTime.Parse(S(a[0]), culture, Y(a[2])),
                    _ => null,
                };
            case ("DateTime", "ParseExact") when shape is "ssp" or "sspy":
                return DateTime.ParseExact(S(a[0]), S(a[1]), culture, shape == "sspy" ? Y(a[3]) : DateTimeStyles.None);
            case ("DateTimeOffset", "Parse"):
                return shape switch
                {
                    "s" => DateTimeOffset.Parse(S(a[0]), culture),
                    "sp" => DateTimeOffset.Parse(S(a[0]), culture),
                    "spy" => DateTimeOffset.Parse(S(a[0]), culture, Y(a[2])),
                    _ => null,
                };
            case ("DateTimeOffset", "ParseExact") when shape is "ssp" or "sspy":
                return DateTimeOffset.ParseExact(S(a[0]), S(a[1]), culture, shape == "sspy" ? Y(a[3]) : DateTimeStyles.None);
            case ("TimeSpan", _) when a.Length >= 1 && Number(a[0]) is { } amount && RestAreZero(a):
                // .NET 9 added integer overloads with optional smaller units; with those at zero they agree with the double ones.
                return name switch
                {
                    "FromDays" => TimeSpan.FromDays(amount),
                    "FromHours" => TimeSpan.FromHours(amount),
                    "FromMinutes" => TimeSpan.FromMinutes(amount),
                    "FromSeconds" => TimeSpan.FromSeconds(amount),
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>
    /// The argument values in parameter order, null when one is not known. An <c>IFormatProvider</c> is known only as
    /// the invariant culture (a user's culture is not known at compile time) and stands in the array as the culture.
    /// </summary>
    private static object?[]? Arguments(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
    {
        var values = new object?[method.Parameters.Length];
        var seen = 0;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                return null;
            }

            object? value;
            if (IsNamed(parameter.Type, "System", "IFormatProvider"))
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && !IsInvariantCulture(argument.Value))
                {
                    return null;
                }

                value = CultureInfo.InvariantCulture;
            }
            else if ((value = Evaluate(argument.Value)) is null)
            {
                return null;
            }
            else if (IsNamed(parameter.Type, "System", "DateTimeKind"))
            {
                value = (DateTimeKind)Convert.ToInt32(value, CultureInfo.InvariantCulture);
            }
            else if (IsNamed(parameter.Type, "System.Globalization", "DateTimeStyles"))
            {
                value = (DateTimeStyles)Convert.ToInt32(value, CultureInfo.InvariantCulture);
            }
            else if (parameter.Type.SpecialType is SpecialType.System_Int64 && value is int narrow)
            {
                value = (long)narrow;
            }
            else if (parameter.Type.SpecialType is SpecialType.System_Double && value is not double)
            {
                value = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            }

            values[parameter.Ordinal] = value;
            seen++;
        }

        return seen == values.Length ? values : null;
    }

    /// <summary>One letter per argument: i int, l long, n double, s string, p format provider, k kind, y styles, d DateTime, t TimeSpan.</summary>
    private static string Shape(object?[] values)
    {
        var letters = new char[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            letters[i] = values[i] switch
            {
                int => 'i',
                long => 'l',
                double => 'n',
                string => 's',
                IFormatProvider => 'p',
                DateTimeKind => 'k',
                DateTimeStyles => 'y',
                DateTime => 'd',
                TimeSpan => 't',
                _ => '?',
            };
        }

        return new string(letters);
    }

    private static int I(object? value) => (int)value!;

    private static long L(object? value) => (long)value!;

    private static string S(object? value) => (string)value!;

    private static DateTimeKind K(object? value) => (DateTimeKind)value!;

    private static DateTimeStyles Y(object? value) => (DateTimeStyles)value!;

    private static double? Number(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        _ => null,
    };

    private static bool RestAreZero(object?[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (Number(values[i]) is not 0d)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Ticks in a microsecond count, checked as the runtime's microsecond overloads check it.</summary>
    private static long Micro(int microseconds) =>
        microseconds is >= 0 and < 1000 ? microseconds * 10L : throw new ArgumentOutOfRangeException(nameof(microseconds));

    /// <summary>
    /// <c>new DateTimeOffset(time, offset)</c>, which throws at run time for a UTC time with another offset; a local
    /// time's offset is the machine's, so it is read like an unspecified one.
    /// </summary>
    private static DateTimeOffset? WithOffset(DateTime time, TimeSpan offset) =>
        time.Kind == DateTimeKind.Utc && offset != TimeSpan.Zero
            ? null
            : new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Unspecified), offset);

    private static DateTime Microseconds(DateTime time, int microseconds) => time.AddTicks(Micro(microseconds));

    private static DateTimeOffset Microseconds(DateTimeOffset time, int microseconds) => time.AddTicks(Micro(microseconds));

    private static bool IsInvariantCulture(IOperation operation) =>
        ConstantValues.WithoutConversions(operation) is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "InvariantCulture" } property }
        && IsNamed(property.ContainingType, "System.Globalization", "CultureInfo");

    /// <summary>The short name of <paramref name="type"/> when it is DateTime, DateTimeOffset or TimeSpan; otherwise null.</summary>
    private static string? TimeType(ITypeSymbol? type) =>
        type is not null && type.Name is "DateTime" or "DateTimeOffset" or "TimeSpan" && IsNamed(type, "System", type.Name) ? type.Name : null;

    // Names compared part by part: display strings add '?' to a nullable-annotated IFormatProvider, and the first one
    // a fresh compiler process formats costs more than the whole check.
    private static bool IsNamed(ITypeSymbol type, string ns, string name)
    {
        if (type.Name != name)
        {
            return false;
        }

        var space = type.ContainingNamespace;
        var end = ns.Length;
        while (end > 0)
        {
            var dot = ns.LastIndexOf('.', end - 1);
            if (space is null || string.CompareOrdinal(space.Name, 0, ns, dot + 1, end - dot - 1) != 0 || space.Name.Length != end - dot - 1)
            {
                return false;
            }

            space = space.ContainingNamespace;
            end = dot < 0 ? 0 : dot;
        }

        return space is { IsGlobalNamespace: true };
    }
}
