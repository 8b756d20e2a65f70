using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers.Flow;

/// <summary>
/// The flow of every executable body of one compilation, created on the first value in that body that needs it (a
/// value read from a local). The analyzer's operation actions are registered once for the compilation rather than
/// per body, so a body that never touches a constrained member costs nothing beyond the actions' own type tests.
/// </summary>
internal sealed class BodyFlows
{
    // Keyed by the body's root operation, weakly: the compiler drops a body's operation tree once it is analyzed, and
    // this cache must not keep it alive for the rest of the compilation.
    private readonly ConditionalWeakTable<IOperation, BodyFlow> _bodies = new();

    /// <summary>The flow of the body holding <paramref name="operation"/>.</summary>
    public BodyFlow For(IOperation operation)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return _bodies.GetValue(root, static r => new BodyFlow(r, () => Graph(r)));
    }

    private static ControlFlowGraph? Graph(IOperation root)
    {
        try
        {
            return root switch
            {
                IMethodBodyOperation method => ControlFlowGraph.Create(method),
                IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
                IBlockOperation block => ControlFlowGraph.Create(block),
                IFieldInitializerOperation field => ControlFlowGraph.Create(field),
                IPropertyInitializerOperation property => ControlFlowGraph.Create(property),
                IParameterInitializerOperation parameter => ControlFlowGraph.Create(parameter),
                _ => null, // Not an executable body (e.g. an attribute argument): no local flows there.
            };
        }
        catch (ArgumentException)
        {
            return null; // A tree the graph builder does not take (e.g. one with errors it cannot lower).
        }
    }
}
