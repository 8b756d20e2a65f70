using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace CloudTrailSdk.Generator.Tests.Support;

/// <summary>Finds botocore's bundled service models on this machine and reads them (they ship gzip-compressed).</summary>
internal static class BotocoreModels
{
    private static readonly Lazy<string> LazyDataRoot = new(FindDataRoot);

    public static string DataRoot => LazyDataRoot.Value;

    /// <summary>The newest API version of a service that has a service-2 model.</summary>
    public static string VersionDirectory(string service)
    {
        var serviceDir = Path.Combine(DataRoot, service);
        if (!Directory.Exists(serviceDir))
        {
            throw new Xunit.Sdk.XunitException("botocore has no model for '" + service + "' under " + DataRoot);
        }

        var version = Directory.GetDirectories(serviceDir)
            .Where(d => File.Exists(Path.Combine(d, "service-2.json.gz")) || File.Exists(Path.Combine(d, "service-2.json")))
            .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal)
            .LastOrDefault();
        return version ?? throw new Xunit.Sdk.XunitException("botocore's '" + service + "' folder has no service-2.json(.gz): " + serviceDir);
    }

    public static IReadOnlyList<ModelSource> Load(string service, string modelId, string ns, string clientName, bool withPaginators = true)
    {
        var dir = VersionDirectory(service);
        var result = new List<ModelSource>
        {
            ModelSource.Service(Path.Combine(dir, "service-2.json"), Read(dir, "service-2.json")!, modelId, ns, clientName, "All"),
        };
        if (withPaginators && Read(dir, "paginators-1.json") is { } paginators)
        {
            result.Add(ModelSource.Paginators(Path.Combine(dir, "paginators-1.json"), paginators, modelId));
        }

        return result;
    }

    private static string? Read(string dir, string name)
    {
        var plain = Path.Combine(dir, name);
        if (File.Exists(plain))
        {
            return File.ReadAllText(plain, Encoding.UTF8);
        }

        var gz = plain + ".gz";
        if (!File.Exists(gz))
        {
            return null;
        }

        using var stream = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string FindDataRoot()
    {
        var candidates = new List<string>();
        const string pyenv = "/root/.pyenv/versions";
        if (Directory.Exists(pyenv))
        {
            foreach (var version in Directory.GetDirectories(pyenv).OrderByDescending(d => d, StringComparer.Ordinal))
            {
                var lib = Path.Combine(version, "lib");
                if (!Directory.Exists(lib))
                {
                    continue;
                }

                foreach (var py in Directory.GetDirectories(lib, "python3*"))
                {
                    candidates.Add(Path.Combine(py, "site-packages", "botocore", "data"));
                }
            }
        }

        if (AskPython() is { } fromPython)
        {
            candidates.Add(Path.Combine(fromPython, "data"));
        }

        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new Xunit.Sdk.XunitException(
                "botocore's model data was not found (looked in: " + string.Join(", ", candidates) +
                "). Install botocore (pip install botocore) so these tests can read real AWS models.");
    }

    private static string? AskPython()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", "-c \"import botocore,os;print(os.path.dirname(botocore.__file__))\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(10_000);
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
