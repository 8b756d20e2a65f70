using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Input;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>Groups a project's model files by model id: one service file, optionally paginators and customizations.</summary>
internal static class ModelGrouper
{
    public static ImmutableArray<ModelInput> Group(ImmutableArray<ModelFile?> files)
    {
        var result = ImmutableArray.CreateBuilder<ModelInput>();
        var prefixes = new Naming.HintNames();
        foreach (var group in files.Where(f => f is not null).GroupBy(f => f!.ModelId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var problems = new List<DiagnosticInfo>();
            ModelFile? service = null, paginators = null, customizations = null;
            foreach (var file in group.OrderBy(f => f!.Path, StringComparer.Ordinal))
            {
                if (file!.Problem is { } problem)
                {
                    problems.Add(AtFile(file, GeneratorDiagnostics.ModelFileSetup, file.Path + ": " + problem));
                    continue;
                }

                ref var slot = ref service;
                if (file.Kind == ModelFileKind.Paginators)
                {
                    slot = ref paginators;
                }
                else if (file.Kind == ModelFileKind.Customizations)
                {
                    slot = ref customizations;
                }

                if (slot is not null)
                {
                    problems.Add(AtFile(file, GeneratorDiagnostics.ModelFileSetup,
                        "Model '" + group.Key + "' has two " + file.Kind.ToString().ToLowerInvariant() + " files: " + slot.Path + " and " + file.Path + "; give each model its own AwsModelId"));
                    continue;
                }

                slot = file;
            }

            if (service is null)
            {
                var orphan = paginators ?? customizations;
                if (orphan is not null)
                {
                    problems.Add(AtFile(orphan, GeneratorDiagnostics.ModelFileSetup,
                        orphan.Path + " belongs to model '" + group.Key + "', which has no service file (AwsModel=\"service\")"));
                }
            }

            result.Add(new ModelInput(group.Key, service, paginators, customizations, problems.ToEquatableArray(), prefixes.Unique(group.Key)));
        }

        return result.ToImmutable();
    }

    private static DiagnosticInfo AtFile(ModelFile file, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string message) =>
        new(descriptor.Id, message, file.Path, 0, 0, 0, 0, 0, 0);
}
