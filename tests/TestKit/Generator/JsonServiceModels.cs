using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
namespace CloudTrailSdk.Testing;

/// <summary>
/// Every service in the installed botocore whose model speaks AWS JSON (metadata.protocol is <c>json</c>, or
/// metadata.protocols lists it). botocore is located by asking python3 where it lives, never by a fixed path. The
/// generator sweep compiles them all; the generator benchmarks time the largest.
/// </summary>
public static class JsonServiceModels
{
    private static readonly Lazy<string> LazyDataRoot = new(FindDataRoot);
    private static readonly Lazy<IReadOnlyList<string>> LazyServices = new(ListServices);

    /// <summary>botocore's data folder: <c>BOTOCORE_DATA</c>, else where python3's botocore lives.</summary>
    public static string DataRoot => LazyDataRoot.Value;

    /// <summary>Service folder names, ordinal order, so that batches are stable between runs.</summary>
    public static IReadOnlyList<string> Services => LazyServices.Value;

    /// <summary>The service's newest service-2.json, and its paginators when it has them, as a project would list them.</summary>
    /// <exception cref="InvalidOperationException">botocore has no such service.</exception>
    public static IReadOnlyList<ModelSource> Load(string service)
    {
        var dir = NewestVersion(Path.Combine(DataRoot, service))
            ?? throw new InvalidOperationException("botocore's '" + service + "' has no service-2.json(.gz)");
        var ns = "Sweep." + Identifier(service);
        var result = new List<ModelSource>
        {
            ModelSource.Service(Path.Combine(dir, "service-2.json"), Read(dir, "service-2.json")!, service, ns, "Sweep", "All"),
        };
        if (Read(dir, "paginators-1.json") is { } paginators)
        {
            result.Add(ModelSource.Paginators(Path.Combine(dir, "paginators-1.json"), paginators, service));
        }

        return result;
    }

    /// <summary>The service's model text, for size ordering and protocol checks.</summary>
    public static string ServiceText(string service) =>
        Read(NewestVersion(Path.Combine(DataRoot, service))!, "service-2.json")!;

    /// <summary>The number of shapes in the service's model: how the benchmarks rank models by size.</summary>
    public static int ShapeCount(string service)
    {
        using var model = JsonDocument.Parse(ServiceText(service));
        return model.RootElement.TryGetProperty("shapes", out var shapes) && shapes.ValueKind == JsonValueKind.Object ? shapes.EnumerateObject().Count() : 0;
    }

    /// <summary>The <paramref name="count"/> json services with the most shapes, largest first (ties in name order).</summary>
    public static IReadOnlyList<string> Largest(int count) =>
        Services.Select(s => (Service: s, Shapes: ShapeCount(s)))
            .OrderByDescending(p => p.Shapes)
            .ThenBy(p => p.Service, StringComparer.Ordinal)
            .Take(count)
            .Select(p => p.Service)
            .ToList();

    private static string Identifier(string service)
    {
        var text = new StringBuilder();
        var upper = true;
        foreach (var c in service)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return text.ToString();
    }

    private static IReadOnlyList<string> ListServices()
    {
        var services = new List<string>();
        foreach (var dir in Directory.GetDirectories(DataRoot).OrderBy(d => d, StringComparer.Ordinal))
        {
            var version = NewestVersion(dir);
            if (version is null)
            {
                continue;
            }

            using var model = JsonDocument.Parse(Read(version, "service-2.json")!);
            var metadata = model.RootElement.GetProperty("metadata");
            var json = metadata.TryGetProperty("protocol", out var p) && p.GetString() == "json";
            if (!json && metadata.TryGetProperty("protocols", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                json = list.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == "json");
            }

            if (json)
            {
                services.Add(Path.GetFileName(dir));
            }
        }

        return services;
    }

    private static string? NewestVersion(string serviceDir) =>
        Directory.Exists(serviceDir)
            ? Directory.GetDirectories(serviceDir)
                .Where(d => File.Exists(Path.Combine(d, "service-2.json.gz")) || File.Exists(Path.Combine(d, "service-2.json")))
                .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal)
                .LastOrDefault()
            : null;

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
        var fromEnvironment = Environment.GetEnvironmentVariable("BOTOCORE_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        try
        {
            var run = ProcessRunner.Run(ProcessRunner.StartInfo("python3", ["-c", "import botocore,os;print(os.path.dirname(botocore.__file__))"]), TimeSpan.FromSeconds(60));
            var output = run.Stdout.Trim();
            if (run.ExitCode == 0 && !string.IsNullOrEmpty(output) && Directory.Exists(Path.Combine(output, "data")))
            {
                return Path.Combine(output, "data");
            }
        }
        catch (ToolNotFoundException)
        {
            // python3 is not installed; fall through to the message below.
        }

        throw new InvalidOperationException(
            "botocore's model data was not found: python3 -c 'import botocore' failed and BOTOCORE_DATA is not set. " +
            "Install botocore or point BOTOCORE_DATA at its data folder.");
    }
}
