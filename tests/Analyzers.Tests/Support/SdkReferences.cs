using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Analyzers.Tests.Support;

/// <summary>
/// What a consumer compilation references: the running framework and the SDK's built assemblies as metadata, so the
/// analyzer sees the constraint attributes exactly as it would in a project using the SDK package.
/// </summary>
internal static class SdkReferences
{
    public static ImmutableArray<MetadataReference> All { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var framework = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"));
        var sdk = new[]
        {
            typeof(CloudTrailSdk.CloudTrailClient).Assembly.Location,
            typeof(CloudTrailSdk.Runtime.Constraints.AwsConstraintAttribute).Assembly.Location,
        };
        return framework.Concat(sdk).Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
