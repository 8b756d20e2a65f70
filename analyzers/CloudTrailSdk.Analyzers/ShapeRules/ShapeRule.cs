using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Analyzers.ShapeRules;

/// <summary>One <c>AwsShapeRule</c> stamped on a generated type: a rule across its members, with its arguments.</summary>
internal sealed class ShapeRule
{
    public ShapeRule(string name, ImmutableArray<string> arguments)
    {
        Name = name;
        Arguments = arguments;
    }

    public string Name { get; }

    public ImmutableArray<string> Arguments { get; }
}

/// <summary>Reads the shape rules of a type once per compilation.</summary>
internal sealed class ShapeRuleReader
{
    private readonly INamedTypeSymbol _attribute;
    private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<ShapeRule>> _rules = new(SymbolEqualityComparer.Default);

    public ShapeRuleReader(INamedTypeSymbol attribute) => _attribute = attribute;

    public ImmutableArray<ShapeRule> For(ITypeSymbol type) => _rules.GetOrAdd(type, Read);

    private ImmutableArray<ShapeRule> Read(ITypeSymbol type)
    {
        var rules = ImmutableArray.CreateBuilder<ShapeRule>();
        foreach (var attribute in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _attribute)
                || attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Value is not string name
                || attribute.ConstructorArguments[1].Kind != TypedConstantKind.Array)
            {
                continue;
            }

            var arguments = ImmutableArray.CreateBuilder<string>();
            foreach (var argument in attribute.ConstructorArguments[1].Values)
            {
                if (argument.Value is string text)
                {
                    arguments.Add(text);
                }
            }

            rules.Add(new ShapeRule(name, arguments.ToImmutable()));
        }

        return rules.ToImmutable();
    }
}
