using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers.ShapeRules;

/// <summary>The members an object initializer (or a <c>with</c> expression) sets, by property name, in source order.</summary>
internal sealed class InitializerMembers
{
    private readonly Dictionary<string, ISimpleAssignmentOperation> _byName = new();

    private InitializerMembers(IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var item in initializer.Initializers)
        {
            if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment)
            {
                // A member set twice keeps its last value, as at run time.
                _byName[property.Name] = assignment;
            }
        }
    }

    /// <summary>The members of <paramref name="operation"/>'s initializer; null when it has none.</summary>
    public static InitializerMembers? Of(IOperation operation)
    {
        var initializer = operation switch
        {
            IObjectCreationOperation creation => creation.Initializer,
            IWithOperation with => with.Initializer,
            _ => null,
        };
        return initializer is null ? null : new InitializerMembers(initializer);
    }

    /// <summary>The assignment of <paramref name="name"/>; null when the initializer does not set it.</summary>
    public ISimpleAssignmentOperation? Get(string name) => _byName.TryGetValue(name, out var assignment) ? assignment : null;

    /// <summary>
    /// Whether the assigned value is certainly not null: a creation, a collection written in place, a non-null
    /// constant. A variable may hold null, so it does not count.
    /// </summary>
    public static bool IsSet(ISimpleAssignmentOperation assignment)
    {
        var value = ConstantValues.WithoutConversions(assignment.Value);
        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value is not null;
        }

        return value is IObjectCreationOperation or IArrayCreationOperation or IAnonymousObjectCreationOperation
            || value.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax;
    }
}
