using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers.Flow;

/// <summary>
/// The local flow of one executable body and the lambdas and local functions inside it, each graph analyzed once,
/// on first need. Shared by every value in the body that is read from a local (see <see cref="BodyFlows"/>).
/// </summary>
internal sealed class BodyFlow
{
    private readonly Lazy<ControlFlowGraph?> _root;
    private readonly Lazy<LocalWrites> _writes;
    private ConcurrentDictionary<ControlFlowGraph, LocalFlow>? _flows; // Created with the first graph: most bodies never need one.

    /// <summary>
    /// Creates the flow of the body <paramref name="root"/>, whose graph <paramref name="graph"/> builds: each only
    /// when first needed, the graph only when the writes alone cannot answer.
    /// </summary>
    public BodyFlow(IOperation root, Func<ControlFlowGraph?> graph)
    {
        _root = new Lazy<ControlFlowGraph?>(graph);
        _writes = new Lazy<LocalWrites>(() => new LocalWrites(root));
    }

    /// <summary>Every write of every local of the body.</summary>
    public LocalWrites AllWrites => _writes.Value;

    /// <summary>The flow of the innermost body that holds <paramref name="operation"/>, or null when it cannot be found.</summary>
    public LocalFlow? For(IOperation operation)
    {
        if (_root.Value is not { } root)
        {
            return null;
        }

        // The enclosing lambdas and local functions, innermost first.
        var chain = new List<IOperation>();
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                chain.Add(current);
            }
        }

        var graph = root;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            switch (chain[i])
            {
                case ILocalFunctionOperation local:
                    graph = graph.GetLocalFunctionControlFlowGraphInScope(local.Symbol);
                    break;
                case IAnonymousFunctionOperation lambda:
                    if (Flow(graph).Lambda(lambda.Syntax) is not { } flowLambda)
                    {
                        return null;
                    }

                    graph = graph.GetAnonymousFunctionControlFlowGraph(flowLambda);
                    break;
            }
        }

        return Flow(graph);
    }

    private LocalFlow Flow(ControlFlowGraph graph)
    {
        var flows = LazyInitializer.EnsureInitialized(ref _flows, () => new ConcurrentDictionary<ControlFlowGraph, LocalFlow>())!;
        return flows.GetOrAdd(graph, g => LocalFlow.Build(g, AllWrites.Poisoned));
    }
}
