using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace CloudTrailSdk.Runtime.Config;

/// <summary>Finds the region: explicit → <c>AWS_REGION</c> → <c>AWS_DEFAULT_REGION</c> → the active profile's <c>region</c> in the config file.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RegionResolver
{
    /// <summary>Primary region variable.</summary>
    public const string RegionVariable = "AWS_REGION";

    /// <summary>Fallback region variable (used by the AWS CLI).</summary>
    public const string DefaultRegionVariable = "AWS_DEFAULT_REGION";

    private readonly SharedConfigFiles _files;

    /// <summary>Creates a resolver reading <paramref name="environment"/>; <paramref name="profileName"/> overrides <c>AWS_PROFILE</c>.</summary>
    public RegionResolver(IEnvironment environment, string? profileName = null)
        : this(new SharedConfigFiles(environment, profileName))
    {
    }

    /// <summary>Creates a resolver sharing already-located files.</summary>
    public RegionResolver(SharedConfigFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = files;
    }

    /// <summary>Resolves the region.</summary>
    /// <exception cref="AwsConfigurationException">No source supplied a region (the message lists each), or the first one found is malformed.</exception>
    public string Resolve(string? explicitRegion = null) => ResolveWithSource(explicitRegion).Value;

    /// <summary>Resolves the region and reports which source supplied it.</summary>
    /// <exception cref="AwsConfigurationException">No source supplied a region, or the first one found is malformed.</exception>
    public Resolved<string> ResolveWithSource(string? explicitRegion = null)
    {
        if (explicitRegion is not null)
        {
            return Found(explicitRegion, "explicit region");
        }

        var attempts = new List<string> { "explicit region: none passed" };
        foreach (var variable in new[] { RegionVariable, DefaultRegionVariable })
        {
            var value = SharedConfigFiles.NonEmpty(_files.Environment.GetVariable(variable));
            if (value is not null)
            {
                return Found(value, variable);
            }

            attempts.Add($"{variable} not set");
        }

        var fromProfile = _files.GetConfigValue("region", out var failure);
        if (fromProfile is not null)
        {
            return Found(fromProfile, $"profile '{_files.ProfileName}' in {_files.ConfigFilePath}");
        }

        attempts.Add("shared config file: " + failure);
        throw AwsConfigurationException.NotResolved("the AWS region", attempts);
    }

    private static Resolved<string> Found(string region, string source)
    {
        var trimmed = region.Trim();
        Validate(trimmed, source);
        return new Resolved<string>(trimmed, source);
    }

    /// <summary>Checks a region's shape: non-empty, ASCII letters, digits and dashes only, not starting or ending with a dash.</summary>
    /// <param name="region">The region, e.g. <c>us-east-1</c>.</param>
    /// <param name="source">Where it came from, named in the error.</param>
    /// <exception cref="AwsConfigurationException">The region is malformed.</exception>
    public static void Validate(string? region, string source)
    {
        if (!IsValid(region))
        {
            throw new AwsConfigurationException(
                $"Region '{region}' from {source} is invalid: a region must be non-empty and contain only letters, digits and dashes (e.g. 'us-east-1'), not starting or ending with a dash.");
        }
    }

    /// <summary>Whether a region has a valid shape (see <see cref="Validate"/>).</summary>
    public static bool IsValid(string? region)
    {
        if (string.IsNullOrEmpty(region) || region[0] == '-' || region[^1] == '-')
        {
            return false;
        }

        foreach (var c in region)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
