using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers;

/// <summary>How a message names the member a value flows into: <c>CreateTrailRequest.Name</c>, <c>parameter 'name' of CloudTrailClient.GetTrail</c>.</summary>
internal static class MemberNames
{
    public static string Of(IPropertySymbol property) => property.ContainingType.Name + "." + property.Name;

    public static string Of(IParameterSymbol parameter)
    {
        var method = parameter.ContainingSymbol;
        var owner = method is IMethodSymbol { MethodKind: MethodKind.Constructor } ? method.ContainingType.Name : method.ContainingType?.Name + "." + method.Name;
        return "parameter '" + parameter.Name + "' of " + owner;
    }

    /// <summary>
    /// Names where an enum built from a constant ends up: the property or parameter it is assigned or passed to, or
    /// just the enum type when it goes elsewhere (a local, a comparison).
    /// </summary>
    public static string OfEnumTarget(IOperation creation, ITypeSymbol enumType)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => Of(property.Property) + " (" + enumType.Name + ")",
            IArgumentOperation { Parameter: { } parameter } => Of(parameter) + " (" + enumType.Name + ")",
            _ => enumType.Name,
        };
    }
}
