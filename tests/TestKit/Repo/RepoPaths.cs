using System;
using System.IO;

namespace CloudTrailSdk.Testing;

/// <summary>The repository the tests run from, found from the test assembly's folder: no machine path is written down.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding CloudTrailSdk.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>model/cloudtrail: the CloudTrail model the SDK is generated from.</summary>
    public static string CloudTrailModel => Path.Combine(Root, "model", "cloudtrail");

    /// <summary>tests/TestData: inputs the tests read, committed with them.</summary>
    public static string TestData => Path.Combine(Root, "tests", "TestData");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudTrailSdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CloudTrailSdk.sln was not found above " + AppContext.BaseDirectory + "; run the tests from a clone of the repository");
    }
}
