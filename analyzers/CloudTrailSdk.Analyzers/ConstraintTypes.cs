using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Analyzers;

/// <summary>
/// The runtime's constraint attribute types, looked up once per compilation by metadata name. Found by name rather
/// than by reference, so the analyzer works against a compiled package of any SDK generated with this runtime.
/// </summary>
internal sealed class ConstraintTypes
{
    private const string Namespace = "CloudTrailSdk.Runtime.Constraints.";
    private const string RuntimeAssembly = "CloudTrailSdk.Runtime";

    // Only code compiled against the runtime can carry its attributes: the project itself, the runtime, and the
    // assemblies that reference it (the generated SDKs). Every other member (the whole BCL) is skipped without decoding
    // its attributes, which is most of what reading a member costs. Decided per assembly on first touch; the value is
    // the assembly itself when it may carry them, a placeholder when not (reference types keep the cache's code shared).
    private static readonly object NoCarrier = new();
    private readonly ConcurrentDictionary<IAssemblySymbol, object> _carriers = new(SymbolEqualityComparer.Default);
    private readonly IAssemblySymbol _project;
    private readonly IAssemblySymbol _runtime;

    private ConstraintTypes(Compilation compilation, IAssemblySymbol runtime)
    {
        _project = compilation.Assembly;
        _runtime = runtime;

        Length = Get(runtime, "AwsLengthAttribute");
        Range = Get(runtime, "AwsRangeAttribute");
        Count = Get(runtime, "AwsCountAttribute");
        Pattern = Get(runtime, "AwsPatternAttribute");
        Rule = Get(runtime, "AwsRuleAttribute");
        WeightedLength = Get(runtime, "AwsWeightedLengthAttribute");
        AllowedValues = Get(runtime, "AwsAllowedValuesAttribute");
        StringEnum = Get(runtime, "AwsStringEnumAttribute");
        ShapeRule = Get(runtime, "AwsShapeRuleAttribute");
    }

    public readonly INamedTypeSymbol? Length;

    public readonly INamedTypeSymbol? Range;

    public readonly INamedTypeSymbol? Count;

    public readonly INamedTypeSymbol? Pattern;

    public readonly INamedTypeSymbol? Rule;

    public readonly INamedTypeSymbol? WeightedLength;

    public readonly INamedTypeSymbol? AllowedValues;

    public readonly INamedTypeSymbol? StringEnum;

    public readonly INamedTypeSymbol? ShapeRule;

    /// <summary>Whether <paramref name="symbol"/> is declared where the runtime's attributes can be: see the constructor.</summary>
    public bool MayCarry(ISymbol symbol)
    {
        if (symbol.ContainingAssembly is not { } assembly)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(assembly, _project) || SymbolEqualityComparer.Default.Equals(assembly, _runtime))
        {
            return true;
        }

        if (!_carriers.TryGetValue(assembly, out var verdict))
        {
            verdict = _carriers.GetOrAdd(assembly, References(assembly, _runtime.Name) ? assembly : NoCarrier);
        }

        return verdict != NoCarrier;
    }

    /// <summary>The types, or null when the compilation does not reference the runtime (then there is nothing to check).</summary>
    public static ConstraintTypes? Resolve(Compilation compilation)
    {
        // The runtime assembly is found by name among the references; a compilation-wide lookup by type name searches
        // every referenced assembly (hundreds in a .NET project) and is kept for attributes declared elsewhere.
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol { Name: RuntimeAssembly } runtime
                && runtime.GetTypeByMetadataName(Namespace + "AwsConstraintAttribute") is not null)
            {
                return new ConstraintTypes(compilation, runtime);
            }
        }

        var anchor = compilation.GetTypeByMetadataName(Namespace + "AwsConstraintAttribute")
            ?? compilation.GetTypeByMetadataName(Namespace + "AwsStringEnumAttribute");
        return anchor is null ? null : new ConstraintTypes(compilation, anchor.ContainingAssembly);
    }

    private static bool References(IAssemblySymbol assembly, string name)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var identity in module.ReferencedAssemblies)
            {
                if (identity.Name == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static INamedTypeSymbol? Get(IAssemblySymbol runtime, string name) =>
        runtime.GetTypeByMetadataName(Namespace + name);
}
