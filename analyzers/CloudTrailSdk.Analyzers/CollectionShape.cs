using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers;

/// <summary>
/// What a collection written in source is known to hold: array creations, collection initializers and collection
/// expressions. A spread or a constructor that may pre-fill the collection makes the count a lower bound only, which
/// still proves "too many" but never "too few": no false positives.
/// </summary>
internal sealed class CollectionShape
{
    private CollectionShape(int count, bool exact, ImmutableArray<IOperation> elements)
    {
        Count = count;
        IsExact = exact;
        Elements = elements;
    }

    /// <summary>The number of items written (a lower bound unless <see cref="IsExact"/>).</summary>
    public int Count { get; }

    public bool IsExact { get; }

    /// <summary>The item operations that are known, each checked against the member's per-item constraints.</summary>
    public ImmutableArray<IOperation> Elements { get; }

    /// <summary>The shape of <paramref name="operation"/>, or null when it is not a collection written in place.</summary>
    public static CollectionShape? Of(IOperation operation)
    {
        var value = ConstantValues.WithoutConversions(operation);

        // Matched on syntax: Roslyn 4.8, the oldest host we support, has no public IOperation for collection expressions.
        if (value.Syntax is CollectionExpressionSyntax collection && value.SemanticModel is { } model)
        {
            return OfCollectionExpression(collection, model);
        }

        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return new CollectionShape(initializer.ElementValues.Length, exact: true, initializer.ElementValues);
            case IArrayCreationOperation array when array.DimensionSizes.Length == 1
                && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int size }:
                return new CollectionShape(size, exact: true, ImmutableArray<IOperation>.Empty);
            case IObjectCreationOperation creation:
                return OfCreation(creation);
            default:
                return null;
        }
    }

    private static CollectionShape? OfCreation(IObjectCreationOperation creation)
    {
        // Only a constructor taking nothing or a capacity starts empty; one taking a collection pre-fills it.
        var startsEmpty = true;
        foreach (var argument in creation.Arguments)
        {
            startsEmpty &= argument.Parameter?.Type.SpecialType == SpecialType.System_Int32;
        }

        if (creation.Initializer is null)
        {
            return startsEmpty && IsCollection(creation.Type) ? new CollectionShape(0, exact: true, ImmutableArray<IOperation>.Empty) : null;
        }

        var elements = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var initializer in creation.Initializer.Initializers)
        {
            // An Add call per item; anything else (an index initializer, a member assignment) is not a list we can count.
            if (initializer is not IInvocationOperation add)
            {
                return null;
            }

            if (add.Arguments.Length == 1)
            {
                elements.Add(add.Arguments[0].Value);
            }
        }

        return new CollectionShape(creation.Initializer.Initializers.Length, startsEmpty, elements.ToImmutable());
    }

    private static CollectionShape OfCollectionExpression(CollectionExpressionSyntax collection, SemanticModel model)
    {
        var count = 0;
        var exact = true;
        var elements = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var element in collection.Elements)
        {
            if (element is ExpressionElementSyntax item)
            {
                count++;
                if (model.GetOperation(item.Expression) is { } operation)
                {
                    elements.Add(operation);
                }
            }
            else
            {
                exact = false; // A spread adds an unknown number of items.
            }
        }

        return new CollectionShape(count, exact, elements.ToImmutable());
    }

    private static bool IsCollection(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return true;
            }
        }

        return false;
    }
}
