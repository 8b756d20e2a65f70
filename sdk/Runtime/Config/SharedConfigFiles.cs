using System;
using System.ComponentModel;
using System.IO;

namespace CloudTrailSdk.Runtime.Config;

/// <summary>
/// Locates and (lazily, once) loads the shared credentials and config files and picks the active profile, as every AWS SDK does:
/// files from <c>AWS_SHARED_CREDENTIALS_FILE</c> / <c>AWS_CONFIG_FILE</c> or <c>~/.aws/credentials</c> / <c>~/.aws/config</c>;
/// profile from the explicit name, else <c>AWS_PROFILE</c>, else <c>default</c>. Share one instance between resolvers to parse each file once.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SharedConfigFiles
{
    /// <summary>Environment variable overriding the credentials file location.</summary>
    public const string CredentialsFileVariable = "AWS_SHARED_CREDENTIALS_FILE";

    /// <summary>Environment variable overriding the config file location.</summary>
    public const string ConfigFileVariable = "AWS_CONFIG_FILE";

    /// <summary>Environment variable naming the profile.</summary>
    public const string ProfileVariable = "AWS_PROFILE";

    private readonly Lazy<SharedConfigFile?> _credentials;
    private readonly Lazy<SharedConfigFile?> _config;

    /// <summary>Creates the locator.</summary>
    /// <param name="environment">Where variables and the home directory come from.</param>
    /// <param name="profileName">An explicit profile name; overrides <c>AWS_PROFILE</c>.</param>
    public SharedConfigFiles(IEnvironment environment, string? profileName = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Environment = environment;
        ProfileIsExplicit = !string.IsNullOrWhiteSpace(profileName);
        ProfileName = !string.IsNullOrWhiteSpace(profileName)
            ? profileName.Trim()
            : NonEmpty(environment.GetVariable(ProfileVariable))?.Trim() ?? "default";
        CredentialsFilePath = Locate(environment, CredentialsFileVariable, "credentials");
        ConfigFilePath = Locate(environment, ConfigFileVariable, "config");
        _credentials = new Lazy<SharedConfigFile?>(() => LoadIfPresent(CredentialsFilePath, SharedConfigFileKind.Credentials));
        _config = new Lazy<SharedConfigFile?>(() => LoadIfPresent(ConfigFilePath, SharedConfigFileKind.Config));
    }

    /// <summary>The environment this instance reads.</summary>
    public IEnvironment Environment { get; }

    /// <summary>The active profile name.</summary>
    public string ProfileName { get; }

    /// <summary>Whether the profile was named in code rather than by <c>AWS_PROFILE</c> or the default.</summary>
    public bool ProfileIsExplicit { get; }

    /// <summary>The credentials file path, or <see langword="null"/> when neither the variable nor a home directory is available.</summary>
    public string? CredentialsFilePath { get; }

    /// <summary>The config file path, or <see langword="null"/> when neither the variable nor a home directory is available.</summary>
    public string? ConfigFilePath { get; }

    /// <summary>The parsed credentials file, or <see langword="null"/> if it does not exist.</summary>
    /// <exception cref="AwsConfigFileException">The file is malformed.</exception>
    public SharedConfigFile? CredentialsFile => _credentials.Value;

    /// <summary>The parsed config file, or <see langword="null"/> if it does not exist.</summary>
    /// <exception cref="AwsConfigFileException">The file is malformed.</exception>
    public SharedConfigFile? ConfigFile => _config.Value;

    /// <summary>The active profile's section of the config file, or <see langword="null"/>.</summary>
    public SharedConfigSection? ConfigProfile => ConfigFile?.GetProfile(ProfileName);

    /// <summary>The active profile's section of the credentials file, or <see langword="null"/>.</summary>
    public SharedConfigSection? CredentialsProfile => CredentialsFile?.GetProfile(ProfileName);

    /// <summary>
    /// Looks up a property of the active profile in the config file. On a miss, <paramref name="failure"/> says why
    /// (no file location, file not found, profile absent, or property absent), for resolvers' error messages.
    /// </summary>
    public string? GetConfigValue(string key, out string? failure) => GetValue(ConfigFilePath, ConfigFile, ConfigFileVariable, key, out failure);

    internal string? GetValue(string? path, SharedConfigFile? file, string variable, string key, out string? failure)
    {
        var profile = file?.GetProfile(ProfileName);
        var value = profile?.Get(key);
        failure = value is not null ? null : DescribeMiss(path, file, profile, variable, key);
        return value;
    }

    internal string DescribeMiss(string? path, SharedConfigFile? file, SharedConfigSection? profile, string variable, string key)
    {
        if (path is null)
        {
            return $"{variable} not set and no home directory is known";
        }

        if (file is null)
        {
            return $"{path} not found";
        }

        return profile is null
            ? $"profile '{ProfileName}' not in {path}"
            : $"profile '{ProfileName}' in {path} has no {key}";
    }

    internal static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Locate(IEnvironment environment, string variable, string fileName)
    {
        var overridden = NonEmpty(environment.GetVariable(variable));
        var home = NonEmpty(environment.HomeDirectory);
        if (overridden is not null)
        {
            if (home is not null && (overridden == "~" || overridden.StartsWith("~/", StringComparison.Ordinal) || overridden.StartsWith("~\\", StringComparison.Ordinal)))
            {
                return Path.Combine(home, overridden.Length > 2 ? overridden[2..] : string.Empty);
            }

            return overridden;
        }

        return home is null ? null : Path.Combine(home, ".aws", fileName);
    }

    private static SharedConfigFile? LoadIfPresent(string? path, SharedConfigFileKind kind) =>
        path is not null && File.Exists(path) ? SharedConfigFile.Load(path, kind) : null;
}
