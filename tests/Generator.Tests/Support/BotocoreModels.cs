using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace CloudTrailSdk.Generator.Tests.Support;

/// <summary>
/// Real AWS models from botocore, vendored under tests/TestData/botocore (documentation removed; vendor.py there
/// refreshes them), so the tests read the same models on every machine whatever botocore it has installed.
/// </summary>
internal static class BotocoreModels
{
    public static string DataRoot => Path.Combine(RepoModels.Root, "tests", "TestData", "botocore");

    /// <summary>The vendored API version folder of a service.</summary>
    public static string VersionDirectory(string service)
    {
        var serviceDir = Path.Combine(DataRoot, service);
        var version = Directory.Exists(serviceDir)
            ? Directory.GetDirectories(serviceDir).Where(d => File.Exists(Path.Combine(d, "service-2.json"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            : null;
        return version ?? throw new Xunit.Sdk.XunitException(
            "No vendored botocore model for '" + service + "' under " + DataRoot + "; add the service to tests/TestData/botocore/vendor.py and run it");
    }

    /// <summary>The text of one vendored file (e.g. service-2.json), or null when the service has none.</summary>
    public static string? Text(string service, string fileName)
    {
        var path = Path.Combine(VersionDirectory(service), fileName);
        return File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
    }

    public static IReadOnlyList<ModelSource> Load(string service, string modelId, string ns, string clientName, bool withPaginators = true)
    {
        var dir = VersionDirectory(service);
        var result = new List<ModelSource>
        {
            ModelSource.Service(Path.Combine(dir, "service-2.json"), Text(service, "service-2.json")!, modelId, ns, clientName, "All"),
        };
        if (withPaginators && Text(service, "paginators-1.json") is { } paginators)
        {
            result.Add(ModelSource.Paginators(Path.Combine(dir, "paginators-1.json"), paginators, modelId));
        }

        return result;
    }
}
