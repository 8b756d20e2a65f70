using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>
/// Two models in one project that generate into the same namespace declare the same client, exception base and,
/// usually, shapes. That is a wiring mistake the compiler would report as dozens of CS0101s; this reports it once,
/// at the second model's service file.
/// </summary>
internal static class ModelClashes
{
    public static IReadOnlyList<DiagnosticInfo> Find(ImmutableArray<ServiceContext> services)
    {
        var result = new List<DiagnosticInfo>();
        var byNamespace = new Dictionary<string, ServiceContext>(StringComparer.Ordinal);
        foreach (var service in services.OrderBy(s => s.ModelId, StringComparer.Ordinal))
        {
            if (byNamespace.TryGetValue(service.Namespace, out var first)
                && ((first.EmitsClient && service.EmitsClient) || first.ClientName == service.ClientName))
            {
                result.Add(new DiagnosticInfo(
                    GeneratorDiagnostics.ModelFileSetup.Id,
                    "Models '" + first.ModelId + "' and '" + service.ModelId + "' both generate into namespace '" + service.Namespace +
                    "'; their types would clash. Give each model its own AwsNamespace",
                    service.ServicePath, 0, 0, 0, 0, 0, 0));
                continue;
            }

            byNamespace[service.Namespace] = service;
        }

        return result;
    }
}
