using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Analyzers;

/// <summary>
/// The runtime's constraint attribute types, looked up once per compilation by metadata name. Found by name rather
/// than by reference, so the analyzer works against a compiled package of any SDK generated with this runtime.
/// </summary>
internal sealed class ConstraintTypes
{
    private const string Namespace = "CloudTrailSdk.Runtime.Constraints.";

    private ConstraintTypes(Compilation compilation)
    {
        Length = Get(compilation, "AwsLengthAttribute");
        Range = Get(compilation, "AwsRangeAttribute");
        Count = Get(compilation, "AwsCountAttribute");
        Pattern = Get(compilation, "AwsPatternAttribute");
        Rule = Get(compilation, "AwsRuleAttribute");
        WeightedLength = Get(compilation, "AwsWeightedLengthAttribute");
        AllowedValues = Get(compilation, "AwsAllowedValuesAttribute");
        StringEnum = Get(compilation, "AwsStringEnumAttribute");
        ShapeRule = Get(compilation, "AwsShapeRuleAttribute");
    }

    public INamedTypeSymbol? Length { get; }

    public INamedTypeSymbol? Range { get; }

    public INamedTypeSymbol? Count { get; }

    public INamedTypeSymbol? Pattern { get; }

    public INamedTypeSymbol? Rule { get; }

    public INamedTypeSymbol? WeightedLength { get; }

    public INamedTypeSymbol? AllowedValues { get; }

    public INamedTypeSymbol? StringEnum { get; }

    public INamedTypeSymbol? ShapeRule { get; }

    /// <summary>The types, or null when the compilation does not reference the runtime (then there is nothing to check).</summary>
    public static ConstraintTypes? Resolve(Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName(Namespace + "AwsConstraintAttribute") is null
            && compilation.GetTypeByMetadataName(Namespace + "AwsStringEnumAttribute") is null)
        {
            return null;
        }

        return new ConstraintTypes(compilation);
    }

    private static INamedTypeSymbol? Get(Compilation compilation, string name) =>
        compilation.GetTypeByMetadataName(Namespace + name);
}
