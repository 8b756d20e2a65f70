using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Analyzers.ShapeRules;

/// <summary>One <c>AwsShapeRule</c> stamped on a generated type: a rule across its members, with its arguments.</summary>
internal sealed class ShapeRule
{
    public ShapeRule(string name, string[] arguments)
    {
        Name = name;
        Arguments = arguments;
    }

    public readonly string Name;

    public readonly string[] Arguments;
}

/// <summary>Reads the shape rules of a type once per compilation.</summary>
internal sealed class ShapeRuleReader
{
    private readonly INamedTypeSymbol _attribute;
    private readonly ConstraintTypes _types;
    private readonly ConcurrentDictionary<ITypeSymbol, ShapeRule[]> _rules = new(SymbolEqualityComparer.Default);
    private readonly Func<ITypeSymbol, ShapeRule[]> _read;

    public ShapeRuleReader(INamedTypeSymbol attribute, ConstraintTypes types)
    {
        _attribute = attribute;
        _types = types;
        _read = Read;
    }

    /// <summary>The rules of <paramref name="type"/>; empty for almost every type a project creates.</summary>
    public ShapeRule[] For(ITypeSymbol type)
    {
        if (!_types.MayCarry(type))
        {
            return Array.Empty<ShapeRule>();
        }

        return _rules.TryGetValue(type, out var found) ? found : _rules.GetOrAdd(type, _read);
    }

    private ShapeRule[] Read(ITypeSymbol type)
    {
        var rules = new List<ShapeRule>();
        foreach (var attribute in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _attribute)
                || attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Value is not string name
                || attribute.ConstructorArguments[1].Kind != TypedConstantKind.Array)
            {
                continue;
            }

            var arguments = new List<string>();
            foreach (var argument in attribute.ConstructorArguments[1].Values)
            {
                if (argument.Value is string text)
                {
                    arguments.Add(text);
                }
            }

            rules.Add(new ShapeRule(name, arguments.ToArray()));
        }

        return rules.Count == 0 ? Array.Empty<ShapeRule>() : rules.ToArray();
    }
}
