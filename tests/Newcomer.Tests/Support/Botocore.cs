using System;
using System.IO;
using System.Linq;

namespace CloudTrailSdk.Newcomer.Tests.Support;

/// <summary>
/// botocore's models as vendored under tests/TestData/botocore (documentation removed), so a newcomer's
/// bring-your-own-model build reads the same model on every machine.
/// </summary>
internal static class Botocore
{
    /// <summary>Copies the vendored version of a service's file (e.g. service-2.json) to <paramref name="destination"/>; false when there is none.</summary>
    public static bool TryCopyModel(string service, string fileName, string destination)
    {
        var root = Path.Combine(RepoRoot(), "tests", "TestData", "botocore");
        var serviceDir = Path.Combine(root, service);
        var versionDir = Directory.Exists(serviceDir)
            ? Directory.GetDirectories(serviceDir).Where(d => File.Exists(Path.Combine(d, "service-2.json"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            : null;
        if (versionDir is null)
        {
            throw new Xunit.Sdk.XunitException("No vendored botocore model for '" + service + "' under " + root + "; add it to tests/TestData/botocore/vendor.py and run it");
        }

        var source = Path.Combine(versionDir, fileName);
        if (!File.Exists(source))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(source, destination, overwrite: true);
        return true;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudTrailSdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new Xunit.Sdk.XunitException("Could not find CloudTrailSdk.sln above " + AppContext.BaseDirectory);
    }
}
