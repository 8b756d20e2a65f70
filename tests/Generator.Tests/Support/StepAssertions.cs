using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CloudTrailSdk.Generator.Tests.Support;

/// <summary>Reads the generator's tracked steps by the names in <see cref="TrackingNames"/>.</summary>
internal static class StepAssertions
{
    public static readonly string[] AllSteps =
    {
        TrackingNames.ModelFiles, TrackingNames.ModelInputs, TrackingNames.BuiltModels, TrackingNames.Diagnostics,
        TrackingNames.Structures, TrackingNames.Enums, TrackingNames.Errors, TrackingNames.Operations, TrackingNames.Service,
    };

    public static readonly string[] OutputSteps =
    {
        TrackingNames.Structures, TrackingNames.Enums, TrackingNames.Errors, TrackingNames.Operations, TrackingNames.Service,
    };

    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var steps), "No tracked step '" + step + "'; have: " + string.Join(", ", result.TrackedSteps.Keys));
        return steps.SelectMany(s => s.Outputs).ToList();
    }

    public static int Count(GeneratorRunResult result, string step, IncrementalStepRunReason reason) =>
        Outputs(result, step).Count(o => o.Reason == reason);

    public static void AssertAllCachedOrUnchanged(GeneratorRunResult result, params string[] steps)
    {
        foreach (var step in steps)
        {
            var bad = Outputs(result, step)
                .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                .Select(o => o.Reason + ": " + Describe(o.Value))
                .ToList();
            Assert.True(bad.Count == 0, "Step '" + step + "' re-ran: " + string.Join("; ", bad.Take(10)));
        }
    }

    public static string Describe(object value) => value switch
    {
        Specs.StructureSpec s => "structure " + s.TypeName,
        Specs.EnumSpec e => "enum " + e.TypeName,
        Specs.ErrorSpec e => "error " + e.TypeName,
        Specs.OperationSpec o => "operation " + o.Name,
        _ => value.GetType().Name,
    };

    /// <summary>Walks an output's object graph (fields, arrays, tuples) and returns the paths of forbidden objects.</summary>
    public static IReadOnlyList<string> FindForbidden(object? root, string rootName)
    {
        var found = new List<string>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(root, rootName, found, seen, 0);
        return found;
    }

    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxNode), typeof(SyntaxTree),
        typeof(Location), typeof(AdditionalText), typeof(AnalyzerConfigOptions), typeof(AnalyzerConfigOptionsProvider),
    };

    private static void Walk(object? value, string path, List<string> found, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 64)
        {
            return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string || value is decimal || value is Type || value is Delegate)
        {
            return;
        }

        if (Forbidden.Any(f => f.IsInstanceOfType(value)))
        {
            found.Add(path + " : " + type.FullName);
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is Array array)
        {
            var i = 0;
            foreach (var item in array)
            {
                Walk(item, path + "[" + i++ + "]", found, seen, depth + 1);
            }

            return;
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                Walk(field.GetValue(value), path + "." + field.Name, found, seen, depth + 1);
            }
        }
    }
}
