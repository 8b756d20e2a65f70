using System;
using System.IO;
using System.Linq;
using System.Text;

namespace CloudTrailSdk.Testing;

/// <summary>
/// botocore's models as vendored in tests/TestData/botocore (documentation removed; vendor.py there refreshes them), so
/// every machine compiles the same models whatever botocore it has installed.
/// </summary>
public static class VendoredBotocore
{
    /// <summary>tests/TestData/botocore.</summary>
    public static string Root => Path.Combine(RepoPaths.TestData, "botocore");

    /// <summary>The vendored API version folder of <paramref name="service"/> (e.g. <c>kms</c>).</summary>
    public static string VersionDirectory(string service)
    {
        var serviceDir = Path.Combine(Root, service);
        var version = Directory.Exists(serviceDir)
            ? Directory.GetDirectories(serviceDir).Where(d => File.Exists(Path.Combine(d, "service-2.json"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            : null;
        return version ?? throw new InvalidOperationException(
            "No vendored botocore model for '" + service + "' under " + Root + "; add the service to tests/TestData/botocore/vendor.py and run it");
    }

    /// <summary>The path of one vendored file (e.g. <c>service-2.json</c>), or null when the service has none.</summary>
    public static string? PathOf(string service, string fileName)
    {
        var path = Path.Combine(VersionDirectory(service), fileName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The text of one vendored file, or null when the service has none.</summary>
    public static string? Text(string service, string fileName) =>
        PathOf(service, fileName) is { } path ? File.ReadAllText(path, Encoding.UTF8) : null;
}
