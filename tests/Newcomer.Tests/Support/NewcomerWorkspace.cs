using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CloudTrailSdk.Newcomer.Tests.Support;

/// <summary>
/// A new user's machine, as far as these tests can make one: a temporary directory outside the repository, holding
/// the packages packed from the repository (under a version no earlier run used, so no cache can serve a stale one),
/// a nuget.config with that folder plus the machine's own feeds, and a private NuGet packages folder.
/// </summary>
public sealed class NewcomerWorkspace : IDisposable
{
    /// <summary>What a new user adds; packed once per run. Each one's PACKAGE.md is its package README.</summary>
    public static readonly string[] PackedProjects =
    [
        "sdk/Runtime/CloudTrailSdk.Runtime.csproj",
        "sdk/Runtime.Server/CloudTrailSdk.Runtime.Server.csproj",
        "generator/CloudTrailSdk.Generator.csproj",
        "sdk/CloudTrail/CloudTrailSdk.csproj",
        "sdk/Fake/CloudTrailSdk.Fake.csproj",
        "sdk/Fake.Hosting/CloudTrailSdk.Fake.Hosting.csproj",
        "sdk/Fake.Tool/CloudTrailSdk.Fake.Tool.csproj",
        "sdk/Extensions/CloudTrailSdk.Extensions.csproj",
        "sdk/Credentials.AwsSdk/CloudTrailSdk.Credentials.AwsSdk.csproj",
    ];

    private readonly StringBuilder _log = new();
    private readonly Exception? _setupFailure;

    public NewcomerWorkspace()
    {
        RepoRoot = FindRepoRoot();
        Root = Path.Combine(Path.GetTempPath(), "cloudtrailsdk-newcomer-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "-" + Guid.NewGuid().ToString("N")[..8]);
        PackageFolder = Path.Combine(Root, "packages-local");
        NuGetPackagesFolder = Path.Combine(Root, "nuget-cache");
        PackageVersion = BaseVersion(RepoRoot) + "-newcomer." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(PackageFolder);

        try
        {
            if (Path.GetFullPath(Root).StartsWith(Path.GetFullPath(RepoRoot), StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The temporary directory " + Root + " is inside the repository " + RepoRoot);
            }

            WriteIsolation();
            Pack();
        }
        catch (Exception ex)
        {
            // Reported by each test, with the log, rather than as an opaque fixture failure.
            _setupFailure = ex;
        }
    }

    public string RepoRoot { get; }

    /// <summary>The temporary directory everything happens in.</summary>
    public string Root { get; }

    /// <summary>The folder the packages are packed into: a NuGet source.</summary>
    public string PackageFolder { get; }

    /// <summary>NUGET_PACKAGES for every consumer command: nothing from earlier runs, nothing left behind.</summary>
    public string NuGetPackagesFolder { get; }

    public string PackageVersion { get; }

    /// <summary>Every command run so far, with its duration: the test's account of what the newcomer went through.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public void EnsureReady()
    {
        if (_setupFailure is not null)
        {
            throw new Xunit.Sdk.XunitException("Setting up the newcomer's workspace failed: " + _setupFailure.Message + "\n\nLog:\n" + Log);
        }
    }

    /// <summary>Runs dotnet as the newcomer does: in the workspace, with its nuget.config and its own package cache.</summary>
    public CommandResult Dotnet(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var result = DotnetCli.Run(workingDirectory, arguments, timeout, new Dictionary<string, string> { ["NUGET_PACKAGES"] = NuGetPackagesFolder });
        Record(result);
        return result;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("CLOUDTRAILSDK_KEEP_NEWCOMER_DIR") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file: the OS cleans the temp directory eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Record(CommandResult result)
    {
        lock (_log)
        {
            _log.Append($"[{result.Elapsed.TotalSeconds,6:F1} s] exit {result.ExitCode}: {result.CommandLine}  (in {result.WorkingDirectory})\n");
        }
    }

    private void Pack()
    {
        // Its own artifacts folder: nothing the repository's own (possibly concurrent) builds read or write is touched,
        // and the packages are built from scratch, as CI would.
        var artifacts = Path.Combine(Root, "artifacts");
        foreach (var project in PackedProjects)
        {
            var result = DotnetCli.Run(RepoRoot,
                ["pack", project, "-c", "Release", "-o", PackageFolder, "--artifacts-path", artifacts, "-p:PackageVersion=" + PackageVersion,
                 "--disable-build-servers", "-tl:off", "-nologo"],
                // A guard against a hung pack, not a speed check: on a loaded shared machine one pack has taken over 6 minutes.
                TimeSpan.FromMinutes(20));
            Record(result);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("dotnet pack " + project + " failed.\n" + result.Describe());
            }
        }

        try
        {
            Directory.Delete(artifacts, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// nuget.config: the packed folder first, then the machine's own feeds (as `dotnet nuget list source` reports them from
    /// outside any repository), with our package ids mapped to the folder only. Empty Directory.Build files stop MSBuild
    /// from walking up into whatever the temp directory's parents hold.
    /// </summary>
    private void WriteIsolation()
    {
        var machineSources = MachineSources();
        var config = new StringBuilder();
        config.AppendLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        config.AppendLine("<configuration>");
        config.AppendLine("  <packageSources>");
        config.AppendLine("    <clear />");
        config.AppendLine($"    <add key=\"newcomer-local\" value=\"{SecurityElement.Escape(PackageFolder)}\" />");
        foreach (var (name, url) in machineSources)
        {
            config.AppendLine($"    <add key=\"{SecurityElement.Escape(name)}\" value=\"{SecurityElement.Escape(url)}\" />");
        }

        config.AppendLine("  </packageSources>");
        config.AppendLine("  <packageSourceMapping>");
        config.AppendLine("    <packageSource key=\"newcomer-local\"><package pattern=\"CloudTrailSdk\" /><package pattern=\"CloudTrailSdk.*\" /></packageSource>");
        foreach (var (name, _) in machineSources)
        {
            config.AppendLine($"    <packageSource key=\"{SecurityElement.Escape(name)}\"><package pattern=\"*\" /></packageSource>");
        }

        config.AppendLine("  </packageSourceMapping>");
        config.AppendLine("</configuration>");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), config.ToString());
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
    }

    private List<(string Name, string Url)> MachineSources()
    {
        // Asked from the empty workspace, before its nuget.config exists: the user- and machine-level configuration.
        var result = DotnetCli.Run(Root, ["nuget", "list", "source", "--format", "Detailed"], TimeSpan.FromMinutes(1));
        Record(result);
        var sources = new List<(string Name, string Url)>();
        if (!result.Succeeded)
        {
            return sources;
        }

        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var header = new Regex(@"^\s*\d+\.\s+(?<name>.+?)\s+\[(?<state>Enabled|Disabled)\]\s*$");
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var match = header.Match(lines[i]);
            if (match.Success && match.Groups["state"].Value == "Enabled")
            {
                var url = lines[i + 1].Trim();
                if (url.Length > 0 && !sources.Any(s => s.Name == match.Groups["name"].Value))
                {
                    sources.Add((match.Groups["name"].Value, url));
                }
            }
        }

        return sources;
    }

    private static string BaseVersion(string repoRoot)
    {
        // The one place the version lives.
        var props = XDocument.Load(Path.Combine(repoRoot, "Directory.Build.props"));
        var version = props.Descendants("Version").Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0)
            ?? throw new InvalidOperationException("Directory.Build.props sets no <Version>.");
        return version.Split('-')[0];
    }

    private static string FindRepoRoot()
    {
        var fromBuild = typeof(NewcomerWorkspace).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (!string.IsNullOrEmpty(fromBuild) && File.Exists(Path.Combine(fromBuild, "CloudTrailSdk.sln")))
        {
            return Path.GetFullPath(fromBuild);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudTrailSdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with CloudTrailSdk.sln) was not found above " + AppContext.BaseDirectory);
    }
}
