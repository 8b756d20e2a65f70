using System.Collections;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers.Flow;

/// <summary>
/// Reaching definitions of locals over one control-flow graph (a method, accessor, lambda or local function body):
/// for each read of a local, the assignments that may have produced its value. Computed once per graph. A read is
/// "unknown" when any reaching write is not a plain assignment (ref/out, compound, deconstruction, pattern, catch),
/// when the local is written inside a nested function, when no write reaches (captured from an enclosing body), or
/// when it is reached from a catch, filter or finally entry (where any write of the try may have been the last).
/// </summary>
internal sealed class LocalFlow
{
    private readonly Dictionary<SyntaxNode, List<IOperation>?> _reads = new();
    private readonly Dictionary<CaptureId, List<IOperation>> _captures = new();
    private readonly Dictionary<SyntaxNode, IFlowAnonymousFunctionOperation> _lambdas = new();

    private readonly List<Definition> _definitions = new();
    private readonly Dictionary<ILocalSymbol, List<int>> _byLocal = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _poisoned;
    private readonly List<int>[] _writesInBlock;

    private LocalFlow(ControlFlowGraph graph, HashSet<ILocalSymbol> poisoned)
    {
        Graph = graph;
        _poisoned = poisoned;
        var blocks = graph.Blocks;
        _writesInBlock = new List<int>[blocks.Length];

        // Pass 1: number every write, so the fixpoint can run on bit sets.
        var state = new BitArray(0);
        foreach (var block in blocks)
        {
            _writesInBlock[block.Ordinal] = new List<int>();
            Walk(block, state, Pass.Number);
        }

        // Pass 2: iterate to the fixpoint. Pass 3: replay each block from its fixpoint entry state, recording reads.
        var entry = Solve(blocks);
        foreach (var block in blocks)
        {
            Walk(block, (BitArray)entry[block.Ordinal].Clone(), Pass.Record);
        }
    }

    private enum Pass
    {
        Number,
        Transfer,
        Record,
    }

    public ControlFlowGraph Graph { get; }

    /// <summary>Builds the flow of <paramref name="graph"/>; <paramref name="poisoned"/> lists locals written where this graph cannot see.</summary>
    public static LocalFlow Build(ControlFlowGraph graph, HashSet<ILocalSymbol> poisoned) => new(graph, poisoned);

    /// <summary>
    /// The value operations of the assignments reaching the read <paramref name="syntax"/>, or null when the read is
    /// not in this graph or any reaching write leaves the value unknown.
    /// </summary>
    public List<IOperation>? ReachingValues(SyntaxNode syntax) => _reads.TryGetValue(syntax, out var values) ? values : null;

    /// <summary>The values a compiler-introduced capture (the arms of a lowered <c>?:</c>, <c>??</c> or switch) may hold.</summary>
    public List<IOperation>? CaptureValues(CaptureId id) => _captures.TryGetValue(id, out var values) ? values : null;

    /// <summary>The graph operation for a lambda written at <paramref name="syntax"/>, to reach its own graph.</summary>
    public IFlowAnonymousFunctionOperation? Lambda(SyntaxNode syntax) => _lambdas.TryGetValue(syntax, out var lambda) ? lambda : null;

    private BitArray[] Solve(System.Collections.Immutable.ImmutableArray<BasicBlock> blocks)
    {
        var count = _definitions.Count;
        var entry = new BitArray[blocks.Length];
        var exit = new BitArray[blocks.Length];
        for (var i = 0; i < blocks.Length; i++)
        {
            entry[i] = new BitArray(count);
            exit[i] = new BitArray(count);
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var block in blocks)
            {
                var input = new BitArray(count);
                foreach (var branch in block.Predecessors)
                {
                    input.Or(exit[branch.Source.Ordinal]);
                    foreach (var region in branch.FinallyRegions)
                    {
                        // A finally runs on the way; whatever it writes is not followed, so it becomes unknown.
                        for (var b = region.FirstBlockOrdinal; b <= region.LastBlockOrdinal; b++)
                        {
                            foreach (var write in _writesInBlock[b])
                            {
                                input[Unknown(_definitions[write].Local)] = true;
                            }
                        }
                    }
                }

                if (IsHandlerEntry(block))
                {
                    foreach (var local in _byLocal.Keys)
                    {
                        input[Unknown(local)] = true;
                    }
                }

                entry[block.Ordinal] = (BitArray)input.Clone();
                Walk(block, input, Pass.Transfer);
                if (!SameBits(input, exit[block.Ordinal]))
                {
                    exit[block.Ordinal] = input;
                    changed = true;
                }
            }
        }

        return entry;
    }

    private static bool IsHandlerEntry(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null && region.FirstBlockOrdinal == block.Ordinal; region = region.EnclosingRegion)
        {
            if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.Finally)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameBits(BitArray a, BitArray b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    private void Walk(BasicBlock block, BitArray state, Pass pass)
    {
        var walker = new Walker(this, block, state, pass);
        foreach (var operation in block.Operations)
        {
            walker.Visit(operation);
        }

        if (block.BranchValue is { } branch)
        {
            walker.Visit(branch);
        }
    }

    private int Unknown(ILocalSymbol local) => Definitions(local)[0];

    private List<int> Definitions(ILocalSymbol local)
    {
        if (!_byLocal.TryGetValue(local, out var list))
        {
            // Index 0 of every local's list is its "unknown" definition.
            _byLocal[local] = list = new List<int> { _definitions.Count };
            _definitions.Add(new Definition(local, null));
        }

        return list;
    }

    private readonly struct Definition
    {
        public Definition(ILocalSymbol local, IOperation? value)
        {
            Local = local;
            Value = value;
        }

        public ILocalSymbol Local { get; }

        /// <summary>The assigned value; null for the local's "unknown" definition.</summary>
        public IOperation? Value { get; }
    }

    /// <summary>Visits a block's operations in evaluation order, applying writes to the state and recording reads.</summary>
    private sealed class Walker
    {
        private readonly LocalFlow _flow;
        private readonly BasicBlock _block;
        private readonly BitArray _state;
        private readonly Pass _pass;
        private int _nextWrite;

        public Walker(LocalFlow flow, BasicBlock block, BitArray state, Pass pass)
        {
            _flow = flow;
            _block = block;
            _state = state;
            _pass = pass;
        }

        public void Visit(IOperation operation)
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { IsRef: false, Target: ILocalReferenceOperation target } assignment:
                    Visit(assignment.Value);
                    Write(target.Local, assignment.Value);
                    return;
                case ILocalReferenceOperation reference:
                    if (Writes.IsOtherWrite(reference))
                    {
                        Write(reference.Local, null);
                    }
                    else
                    {
                        Read(reference);
                    }

                    return;
                case IFlowAnonymousFunctionOperation lambda:
                    if (_pass == Pass.Number)
                    {
                        _flow._lambdas[lambda.Syntax] = lambda;
                    }

                    return; // Its body is a graph of its own.
                case IFlowCaptureOperation capture when _pass == Pass.Number:
                    if (!_flow._captures.TryGetValue(capture.Id, out var values))
                    {
                        _flow._captures[capture.Id] = values = new List<IOperation>();
                    }

                    values.Add(capture.Value);
                    break;
                case IPatternOperation pattern when DeclaredLocal(pattern) is { } declared:
                    Write(declared, null);
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                Visit(child);
            }
        }

        private static ILocalSymbol? DeclaredLocal(IPatternOperation pattern) => pattern switch
        {
            IDeclarationPatternOperation declaration => declaration.DeclaredSymbol as ILocalSymbol,
            IRecursivePatternOperation recursive => recursive.DeclaredSymbol as ILocalSymbol,
            IListPatternOperation list => list.DeclaredSymbol as ILocalSymbol,
            _ => null,
        };

        private void Write(ILocalSymbol local, IOperation? value)
        {
            if (_pass == Pass.Number)
            {
                var list = _flow.Definitions(local);
                var index = _flow._definitions.Count;
                _flow._definitions.Add(new Definition(local, local.RefKind == RefKind.None ? value : null));
                list.Add(index);
                _flow._writesInBlock[_block.Ordinal].Add(index);
                return;
            }

            // The same walk order as in numbering: the n-th write of this block is its n-th numbered definition.
            var definition = _flow._writesInBlock[_block.Ordinal][_nextWrite++];
            foreach (var other in _flow._byLocal[local])
            {
                _state[other] = false;
            }

            _state[definition] = true;
        }

        private void Read(ILocalReferenceOperation reference)
        {
            if (_pass != Pass.Record)
            {
                return;
            }

            List<IOperation>? values = null;
            if (!_flow._poisoned.Contains(reference.Local) && reference.Local.RefKind == RefKind.None
                && _flow._byLocal.TryGetValue(reference.Local, out var definitions))
            {
                values = new List<IOperation>();
                foreach (var index in definitions)
                {
                    if (!_state[index])
                    {
                        continue;
                    }

                    if (_flow._definitions[index].Value is not { } value)
                    {
                        values = null;
                        break;
                    }

                    values.Add(value);
                }

                if (values is { Count: 0 })
                {
                    values = null; // Nothing in this body wrote it: captured from an enclosing one.
                }
            }

            // A syntax node read twice in one graph (rare: lowered compound forms) keeps the union, or unknown.
            if (_flow._reads.TryGetValue(reference.Syntax, out var earlier))
            {
                if (earlier is null || values is null)
                {
                    values = null;
                }
                else
                {
                    values.AddRange(earlier);
                }
            }

            _flow._reads[reference.Syntax] = values;
        }
    }
}
