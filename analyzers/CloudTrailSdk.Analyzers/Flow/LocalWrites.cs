using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers.Flow;

/// <summary>
/// Every write of every local in one body, from a single walk of its operation tree: far cheaper than a control-flow
/// graph, and enough on its own for the common case (a local assigned once, where it is declared) and for ruling out
/// a diagnostic (no write of the local holds a value that breaks the rule). Only what is left needs the graph.
/// </summary>
internal sealed class LocalWrites
{
    private readonly Dictionary<ILocalSymbol, List<IOperation?>> _writes = new(SymbolEqualityComparer.Default);

    public LocalWrites(IOperation root) => new Walker(this).Visit(root);

    /// <summary>Locals written inside a nested function.</summary>
    public HashSet<ILocalSymbol> Poisoned { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The values written to <paramref name="local"/> (null entries for writes that are not plain assignments).</summary>
    public List<IOperation?>? Of(ILocalSymbol local) => _writes.TryGetValue(local, out var writes) ? writes : null;

    private void Add(ILocalSymbol local, IOperation? value)
    {
        if (!MayHoldKnownValue(local))
        {
            return; // The resolver never asks for it: keeps the table to the few locals that matter.
        }

        if (!_writes.TryGetValue(local, out var list))
        {
            _writes[local] = list = new List<IOperation?>();
        }

        list.Add(value);
    }

    /// <summary>
    /// Whether a read of <paramref name="local"/> can give a known value: a constant's read never comes here, and a
    /// value reaches a member only through implicit conversions, which take no class or array but string to a
    /// string, a number or string-backed enum.
    /// </summary>
    private static bool MayHoldKnownValue(ILocalSymbol local) =>
        !local.IsConst && (local.Type.SpecialType != SpecialType.None
            || local.Type.TypeKind is not (TypeKind.Class or TypeKind.Array or TypeKind.Interface or TypeKind.Delegate));

    private static IMethodSymbol? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda.Symbol;
                case ILocalFunctionOperation local:
                    return local.Symbol;
            }
        }

        return null;
    }

    /// <summary>
    /// The walk itself is Roslyn's (precompiled, and guarded against deep trees); only the few kinds that write a local
    /// are visited here, in small methods without loops, which a fresh compiler process compiles cheaply.
    /// </summary>
    private sealed class Walker : OperationWalker
    {
        private readonly LocalWrites _writes;

        public Walker(LocalWrites writes) => _writes = writes;

        public override void VisitVariableDeclarator(IVariableDeclaratorOperation operation)
        {
            var initializer = operation.Initializer ?? (operation.Parent as IVariableDeclarationOperation)?.Initializer;
            if (initializer is not null)
            {
                _writes.Add(operation.Symbol, initializer.Value);
            }
            else if (operation.Parent is not IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation })
            {
                _writes.Add(operation.Symbol, null); // foreach, catch, using: written by the statement itself.
            }

            base.VisitVariableDeclarator(operation);
        }

        public override void VisitLocalReference(ILocalReferenceOperation operation)
        {
            if (Writes.IsWritten(operation))
            {
                var plain = operation.Parent is ISimpleAssignmentOperation { IsRef: false } assignment && assignment.Target == operation;
                _writes.Add(operation.Local, plain ? ((ISimpleAssignmentOperation)operation.Parent!).Value : null);
                if (EnclosingFunction(operation) is { } function && !SymbolEqualityComparer.Default.Equals(function, operation.Local.ContainingSymbol))
                {
                    _writes.Poisoned.Add(operation.Local); // Written in a nested function: no graph can place that write.
                }
            }

            base.VisitLocalReference(operation);
        }

        public override void VisitDeclarationPattern(IDeclarationPatternOperation operation)
        {
            Declared(operation.DeclaredSymbol);
            base.VisitDeclarationPattern(operation);
        }

        public override void VisitRecursivePattern(IRecursivePatternOperation operation)
        {
            Declared(operation.DeclaredSymbol);
            base.VisitRecursivePattern(operation);
        }

        public override void VisitListPattern(IListPatternOperation operation)
        {
            Declared(operation.DeclaredSymbol);
            base.VisitListPattern(operation);
        }

        private void Declared(ISymbol? symbol)
        {
            if (symbol is ILocalSymbol local)
            {
                _writes.Add(local, null);
            }
        }
    }
}
