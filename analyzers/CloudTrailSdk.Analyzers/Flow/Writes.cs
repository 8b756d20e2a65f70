using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers.Flow;

/// <summary>
/// Whether a reference to a local, field or property writes it in a way other than a plain assignment: passed by
/// <c>ref</c>/<c>out</c>, compound-assigned, incremented, deconstructed into, or aliased by a <c>ref</c>. Such a write
/// makes the value unknown.
/// </summary>
internal static class Writes
{
    /// <summary>True when <paramref name="reference"/> is written, plain assignment included.</summary>
    public static bool IsWritten(IOperation reference) =>
        reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference || IsOtherWrite(reference);

    /// <summary>True when <paramref name="reference"/> is written other than as the target of a plain (non-ref) assignment.</summary>
    public static bool IsOtherWrite(IOperation reference)
    {
        var child = reference;
        var parent = reference.Parent;

        // out var x, and tuples on the left of a deconstruction, reach their writer through these.
        while (parent is IDeclarationExpressionOperation or ITupleOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            ISimpleAssignmentOperation assignment => assignment.IsRef || (assignment.Target == child && child != reference),
            ICompoundAssignmentOperation compound => compound.Target == child,
            ICoalesceAssignmentOperation coalesce => coalesce.Target == child,
            IIncrementOrDecrementOperation => true,
            IDeconstructionAssignmentOperation deconstruction => deconstruction.Target == child,
            IArgumentOperation argument => argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out },
            IAddressOfOperation => true,
            IReturnOperation => IsRefReturn(parent),
            _ => false,
        };
    }

    private static bool IsRefReturn(IOperation returned)
    {
        // `return ref x;` hands out an alias; only a ref-returning member can do that.
        for (var current = returned.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda.Symbol.ReturnsByRef || lambda.Symbol.ReturnsByRefReadonly;
                case ILocalFunctionOperation local:
                    return local.Symbol.ReturnsByRef || local.Symbol.ReturnsByRefReadonly;
            }
        }

        return returned.SemanticModel?.GetEnclosingSymbol(returned.Syntax.SpanStart) is IMethodSymbol { ReturnsByRef: true } or IMethodSymbol { ReturnsByRefReadonly: true };
    }
}
