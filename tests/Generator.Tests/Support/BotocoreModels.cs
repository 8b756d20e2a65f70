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
    public static string DataRoot => VendoredBotocore.Root;

    public static string VersionDirectory(string service) => VendoredBotocore.VersionDirectory(service);

    public static string? Text(string service, string fileName) => VendoredBotocore.Text(service, fileName);

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
