using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers.ShapeRules;

/// <summary>
/// The wire value behind a string-backed enum's named member, e.g. <c>EventCategory.Insight</c> -> <c>insight</c>.
/// The compiled SDK keeps only the member's name, so the name is matched against the type's known values (from its
/// <c>AwsStringEnum</c> attribute) ignoring case and punctuation, the way the generator derives names from values;
/// a name that matches no value, or several, gives nothing.
/// </summary>
internal static class EnumMembers
{
    public static bool TryGet(IOperation operation, ConstraintReader reader, out string value)
    {
        value = string.Empty;
        var current = ConstantValues.WithoutConversions(operation);
        if (current is not IPropertyReferenceOperation { Property: { IsStatic: true } property }
            || !SymbolEqualityComparer.Default.Equals(property.Type, property.ContainingType)
            || reader.KnownValues(property.ContainingType) is not { } known)
        {
            return false;
        }

        var name = Normalize(property.Name);
        string? match = null;
        foreach (var candidate in known)
        {
            if (Normalize(candidate) == name)
            {
                if (match is not null)
                {
                    return false;
                }

                match = candidate;
            }
        }

        value = match ?? string.Empty;
        return match is not null;
    }

    private static string Normalize(string text)
    {
        var letters = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters.Append(char.ToUpperInvariant(c));
            }
        }

        return letters.ToString();
    }
}
