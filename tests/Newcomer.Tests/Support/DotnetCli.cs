using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudTrailSdk.Newcomer.Tests.Support;

/// <summary>
/// Runs the dotnet CLI as a fresh process, insulated from the `dotnet test` process that hosts the test: the MSBuild
/// variables it sets would point the child at the parent's MSBuild, and build servers left running would hold the
/// output pipes (and files) open after the command ends.
/// </summary>
internal static class DotnetCli
{
    private static readonly Dictionary<string, string> Quiet = new(StringComparer.Ordinal)
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
        ["DOTNET_CLI_UI_LANGUAGE"] = "en",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["UseSharedCompilation"] = "false",
    };

    /// <summary>Runs <c>dotnet <paramref name="arguments"/></c>; a timeout fails the test with what the command printed.</summary>
    public static CommandResult Run(string workingDirectory, IReadOnlyList<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(Quiet, StringComparer.Ordinal);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        var result = ProcessRunner.Run(ProcessRunner.StartInfo(ExternalTools.Dotnet, arguments, workingDirectory, variables, SetByTestHost()), timeout);
        if (result.TimedOut)
        {
            throw new Xunit.Sdk.XunitException(result.Describe());
        }

        return result;
    }

    private static IEnumerable<string> SetByTestHost() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(key =>
            key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase) || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase));
}
