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

    public LocalWrites(IOperation root)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                    if (initializer is not null)
                    {
                        Add(declarator.Symbol, initializer.Value);
                    }
                    else if (declarator.Parent is not IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation })
                    {
                        Add(declarator.Symbol, null); // foreach, catch, using: written by the statement itself.
                    }

                    break;
                case ILocalReferenceOperation reference when Writes.IsWritten(reference):
                    var plain = reference.Parent is ISimpleAssignmentOperation { IsRef: false } assignment && assignment.Target == reference;
                    Add(reference.Local, plain ? ((ISimpleAssignmentOperation)reference.Parent!).Value : null);
                    if (EnclosingFunction(reference) is { } function && !SymbolEqualityComparer.Default.Equals(function, reference.Local.ContainingSymbol))
                    {
                        Poisoned.Add(reference.Local); // Written in a nested function: no graph can place that write.
                    }

                    break;
                case IPatternOperation pattern when DeclaredLocal(pattern) is { } declared:
                    Add(declared, null);
                    break;
            }
        }
    }

    /// <summary>Locals written inside a nested function.</summary>
    public HashSet<ILocalSymbol> Poisoned { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The values written to <paramref name="local"/> (null entries for writes that are not plain assignments).</summary>
    public List<IOperation?>? Of(ILocalSymbol local) => _writes.TryGetValue(local, out var writes) ? writes : null;

    private void Add(ILocalSymbol local, IOperation? value)
    {
        if (!_writes.TryGetValue(local, out var list))
        {
            _writes[local] = list = new List<IOperation?>();
        }

        list.Add(value);
    }

    private static ILocalSymbol? DeclaredLocal(IPatternOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation declaration => declaration.DeclaredSymbol as ILocalSymbol,
        IRecursivePatternOperation recursive => recursive.DeclaredSymbol as ILocalSymbol,
        IListPatternOperation list => list.DeclaredSymbol as ILocalSymbol,
        _ => null,
    };

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
}
