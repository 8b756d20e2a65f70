using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace CloudTrailSdk.Newcomer.Tests.Support;

/// <summary>botocore's bundled models on this machine (gzip-compressed in recent botocore releases).</summary>
internal static class Botocore
{
    /// <summary>Writes the newest version of a service's file (e.g. service-2.json) to <paramref name="destination"/>.</summary>
    public static bool TryCopyModel(string service, string fileName, string destination)
    {
        var serviceDir = Path.Combine(DataRoot(), service);
        var versionDir = Directory.Exists(serviceDir)
            ? Directory.GetDirectories(serviceDir)
                .Where(d => File.Exists(Path.Combine(d, "service-2.json")) || File.Exists(Path.Combine(d, "service-2.json.gz")))
                .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal)
                .LastOrDefault()
            : null;
        if (versionDir is null)
        {
            throw new Xunit.Sdk.XunitException("botocore has no '" + service + "' model under " + DataRoot());
        }

        var plain = Path.Combine(versionDir, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        if (File.Exists(plain))
        {
            File.Copy(plain, destination, overwrite: true);
            return true;
        }

        if (!File.Exists(plain + ".gz"))
        {
            return false;
        }

        using var input = new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        using var output = File.Create(destination);
        input.CopyTo(output);
        return true;
    }

    private static string DataRoot()
    {
        var candidates = new List<string>();
        const string pyenv = "/root/.pyenv/versions";
        if (Directory.Exists(pyenv))
        {
            foreach (var version in Directory.GetDirectories(pyenv).OrderByDescending(d => d, StringComparer.Ordinal))
            {
                var lib = Path.Combine(version, "lib");
                if (Directory.Exists(lib))
                {
                    candidates.AddRange(Directory.GetDirectories(lib, "python3*").Select(py => Path.Combine(py, "site-packages", "botocore", "data")));
                }
            }
        }

        if (AskPython() is { } fromPython)
        {
            candidates.Add(Path.Combine(fromPython, "data"));
        }

        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new Xunit.Sdk.XunitException("botocore's model data was not found (looked in: " + string.Join(", ", candidates) +
                "). Install botocore (pip install botocore, or apt-get install python3-botocore).");
    }

    private static string? AskPython()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", ["-c", "import botocore,os;print(os.path.dirname(botocore.__file__))"])
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
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
