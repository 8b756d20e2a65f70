using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers.Flow;

/// <summary>
/// Static read-only fields and read-only properties whose value is known: initialized with a known value in source
/// and never written anywhere else in the compilation. Whether a member is written elsewhere is known only when every
/// body has been analyzed, so uses are queued and checked in a compilation-end action: operation actions run
/// concurrently and in any order, and only the end action is guaranteed to see all of them.
/// </summary>
internal sealed class FieldFlow
{
    // Reference types only, in these collections: their shared generic code is precompiled in the framework.
    private readonly ConcurrentDictionary<ISymbol, IOperation> _initializers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, ISymbol> _written = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentQueue<DeferredUse> _uses = new();

    /// <summary>
    /// Whether <paramref name="member"/> can have a known value: a <c>static readonly</c> field, or a property with no
    /// setter (and not virtual, which an override could change), declared in source.
    /// </summary>
    public static bool IsCandidate(ISymbol member) => member switch
    {
        IFieldSymbol field => field is { IsStatic: true, IsReadOnly: true, IsConst: false } && !field.DeclaringSyntaxReferences.IsEmpty,
        IPropertySymbol property => property is { SetMethod: null, IsIndexer: false, IsVirtual: false, IsAbstract: false, IsOverride: false }
            && !property.DeclaringSyntaxReferences.IsEmpty,
        _ => false,
    };

    /// <summary>Registers the actions that see initializers and writes, and the end action that checks the queued uses.</summary>
    public void Register(CompilationStartAnalysisContext context, ConstraintReader reader)
    {
        context.RegisterOperationAction(OnFieldInitializer, OperationKind.FieldInitializer);
        context.RegisterOperationAction(OnPropertyInitializer, OperationKind.PropertyInitializer);
        context.RegisterOperationAction(OnReference, OperationKind.FieldReference, OperationKind.PropertyReference);
        context.RegisterCompilationEndAction(end => CheckUses(end, reader));
    }

    /// <summary>Queues a use; <paramref name="check"/> runs on each known value at the end of the compilation, with the end action's reporter.</summary>
    public void Defer(DeferredValue value, Action<KnownValue, Action<Diagnostic>> check) => _uses.Enqueue(new DeferredUse(value, check));

    private void OnFieldInitializer(OperationAnalysisContext context)
    {
        var initializer = (IFieldInitializerOperation)context.Operation;
        foreach (var field in initializer.InitializedFields)
        {
            if (IsCandidate(field))
            {
                _initializers[field] = initializer.Value;
            }
        }
    }

    private void OnPropertyInitializer(OperationAnalysisContext context)
    {
        var initializer = (IPropertyInitializerOperation)context.Operation;
        foreach (var property in initializer.InitializedProperties)
        {
            if (IsCandidate(property))
            {
                _initializers[property] = initializer.Value;
            }
        }
    }

    private void OnReference(OperationAnalysisContext context)
    {
        var reference = (IMemberReferenceOperation)context.Operation;
        if (IsCandidate(reference.Member) && Writes.IsWritten(reference))
        {
            _written[reference.Member] = reference.Member;
        }
    }

    private void CheckUses(CompilationAnalysisContext context, ConstraintReader reader)
    {
        var resolver = new ValueResolver(reader, flows: null, fields: null);
        var known = new Dictionary<ISymbol, List<KnownValue>>(SymbolEqualityComparer.Default);
        while (_uses.TryDequeue(out var use))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var member = use.Value.Member;
            if (!known.TryGetValue(member, out var values))
            {
                known[member] = values = ValuesOf(member, resolver);
            }

            var kind = member is IFieldSymbol ? "field" : "property";
            foreach (var value in values)
            {
                var via = (use.Value.Via is { } outer ? outer + ", " : string.Empty) + "from " + kind + " '" + member.Name + "'";
                use.Check(new KnownValue(value.Value, use.Value.ReportAt, via), context.ReportDiagnostic);
            }
        }
    }

    private List<KnownValue> ValuesOf(ISymbol member, ValueResolver resolver)
    {
        var values = new List<KnownValue>();
        if (!_written.ContainsKey(member) && _initializers.TryGetValue(member, out var initializer)
            && !resolver.ResolveAll(initializer, initializer, null, values))
        {
            values.Clear();
        }

        return values;
    }

    /// <summary>A use of a field or property, and the check to run on each of its known values.</summary>
    private sealed class DeferredUse
    {
        public DeferredUse(DeferredValue value, Action<KnownValue, Action<Diagnostic>> check)
        {
            Value = value;
            Check = check;
        }

        public readonly DeferredValue Value;

        public Action<KnownValue, Action<Diagnostic>> Check { get; }
    }
}
