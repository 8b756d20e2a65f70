using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace CloudTrailSdk.Protocol.Tests.Conformance;

/// <summary>
/// botocore's awsJson protocol suites, read from shared/conformance/botocore-protocols beside the repository (found by
/// walking up from the test's folder, so no machine path is written down).
/// </summary>
internal static class ProtocolSuites
{
    public static readonly string[] InputFiles = { "input/json.json", "input/json_1_0.json" };
    public static readonly string[] OutputFiles = { "output/json.json", "output/json_1_0.json" };

    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Dictionary<string, JsonArray> Cache = new(StringComparer.Ordinal);

    public static string Root => LazyRoot.Value;

    public static JsonArray File(string relative)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(relative, out var suites))
            {
                suites = (JsonArray)JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(Root, relative)))!;
                Cache[relative] = suites;
            }

            return suites;
        }
    }

    /// <summary>
    /// Suites not run, each with its reason. Empty: every case of the four suites runs. botocore's own runner skips the
    /// PutWithContentEncoding suite (protocol-tests-ignore-list.json); we implement request compression and run it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SkippedSuites = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The cases <see cref="SkippedSuites"/> leaves out, as "file: id".</summary>
    public static IEnumerable<string> SkippedCases(string[] files) =>
        from file in files
        from suite in File(file).OfType<JsonObject>()
        where SkippedSuites.ContainsKey((string?)suite["description"] ?? string.Empty)
        from c in ((JsonArray)suite["cases"]!).OfType<JsonObject>()
        select file + ": " + (string?)c["id"];

    /// <summary>One theory row per case: file, suite index, case index and the case id (for the test name).</summary>
    public static IEnumerable<object[]> Cases(string[] files)
    {
        foreach (var file in files)
        {
            var suites = File(file);
            for (var s = 0; s < suites.Count; s++)
            {
                if (SkippedSuites.ContainsKey((string?)suites[s]!["description"] ?? string.Empty))
                {
                    continue;
                }

                var cases = (JsonArray)suites[s]!["cases"]!;
                for (var c = 0; c < cases.Count; c++)
                {
                    yield return new object[] { file, s, c, (string?)cases[c]!["id"] ?? (string?)cases[c]!["description"] ?? "case" + c };
                }
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "conformance", "botocore-protocols");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new Xunit.Sdk.XunitException("shared/conformance/botocore-protocols was not found above " + AppContext.BaseDirectory);
    }
}
