using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers;

/// <summary>
/// Finds the compile-time constant behind an operation. Roslyn already folds literals, const fields and locals,
/// constant concatenations and constant interpolated strings into <see cref="IOperation.ConstantValue"/>; what remains
/// is to see through the conversions that wrap a constant on its way into a member.
/// </summary>
internal static class ConstantValues
{
    /// <summary>
    /// The non-null constant <paramref name="operation"/> evaluates to, seen through nullable, identity and other
    /// value-preserving implicit conversions, and through a string-backed enum built from a constant (its implicit
    /// operator or its constructor). False when the value is not known at compile time.
    /// </summary>
    public static bool TryGet(IOperation operation, ConstraintReader reader, out object value)
    {
        for (var current = operation; current is not null;)
        {
            if (current.ConstantValue is { HasValue: true } constant)
            {
                value = constant.Value!;
                return constant.Value is not null;
            }

            current = Unwrap(current, reader);
        }

        value = null!;
        return false;
    }

    /// <summary>
    /// The operation beneath a conversion that does not change the value, or beneath a string-backed enum's creation;
    /// null when <paramref name="operation"/> is neither.
    /// </summary>
    public static IOperation? Unwrap(IOperation operation, ConstraintReader reader)
    {
        switch (operation)
        {
            case IConversionOperation conversion when conversion.OperatorMethod is { } method:
                // A user-defined operator may compute anything; only a string-backed enum's is known to wrap its input.
                return reader.KnownValues(method.ContainingType) is not null ? conversion.Operand : null;
            case IConversionOperation conversion:
                var kind = conversion.Conversion;
                return kind.IsIdentity || kind.IsNullable || kind.IsImplicit ? conversion.Operand : null;
            case IObjectCreationOperation creation when creation.Arguments.Length == 1
                && creation.Initializer is null
                && reader.KnownValues(creation.Type) is not null:
                return creation.Arguments[0].Value;
            default:
                return null;
        }
    }

    /// <summary>The operation with value-preserving conversions removed (but not enum creations): used to find collections.</summary>
    public static IOperation WithoutConversions(IOperation operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null } conversion
            && (conversion.Conversion.IsImplicit || conversion.Conversion.IsIdentity))
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
