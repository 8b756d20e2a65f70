using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace CloudTrailSdk.Analyzers.Flow;

/// <summary>
/// The bodies of one operation block action (a method, accessor, constructor or initializer, which may hold several
/// roots). Each root's control-flow graph is asked for once, on the first value that needs it, and shared by every
/// operation action of the block.
/// </summary>
internal sealed class BlockFlows
{
    private readonly ImmutableArray<IOperation> _blocks;
    private readonly Func<IOperation, ControlFlowGraph> _graphOf;
    private readonly ConcurrentDictionary<IOperation, BodyFlow> _bodies = new();

    /// <summary>Creates the flows of <paramref name="blocks"/>; <paramref name="graphOf"/> is the block context's (cached) graph builder.</summary>
    public BlockFlows(ImmutableArray<IOperation> blocks, Func<IOperation, ControlFlowGraph> graphOf)
    {
        _blocks = blocks;
        _graphOf = graphOf;
    }

    /// <summary>The body holding <paramref name="operation"/>.</summary>
    public BodyFlow For(IOperation operation)
    {
        // The graph is asked for by the block the action was given, which may sit below the tree's root.
        var root = operation;
        for (var current = operation; current is not null; current = current.Parent)
        {
            root = current;
            if (_blocks.Contains(current))
            {
                break;
            }
        }

        return _bodies.GetOrAdd(root, r => new BodyFlow(r, () => Graph(r)));
    }

    private ControlFlowGraph? Graph(IOperation root)
    {
        try
        {
            return _graphOf(root);
        }
        catch (ArgumentException)
        {
            return null; // Not an executable block (e.g. an attribute argument): no local flows there.
        }
    }
}
