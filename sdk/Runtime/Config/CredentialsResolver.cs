using System;
using System.Collections.Generic;
using CloudTrailSdk.Runtime.Auth;

namespace CloudTrailSdk.Runtime.Config;

/// <summary>A resolved configuration value and a description of where it came from (e.g. <c>environment (AWS_REGION)</c>).</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Source">Where it came from, for logs and diagnostics.</param>
public readonly record struct Resolved<T>(T Value, string Source);

/// <summary>
/// Finds static credentials the way AWS SDKs do: explicit → environment (<c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>,
/// <c>AWS_SESSION_TOKEN</c>) → shared credentials file → shared config file (active profile). A half-configured source
/// (key id without secret or vice versa) is an error rather than silently skipped.
/// </summary>
public sealed class CredentialsResolver
{
    /// <summary>Access key id variable.</summary>
    public const string AccessKeyIdVariable = "AWS_ACCESS_KEY_ID";

    /// <summary>Secret access key variable.</summary>
    public const string SecretAccessKeyVariable = "AWS_SECRET_ACCESS_KEY";

    /// <summary>Session token variable.</summary>
    public const string SessionTokenVariable = "AWS_SESSION_TOKEN";

    private static readonly string[] UnsupportedProfileKeys =
        ["role_arn", "credential_process", "sso_session", "sso_start_url", "web_identity_token_file", "credential_source"];

    private readonly SharedConfigFiles _files;

    /// <summary>Creates a resolver reading <paramref name="environment"/>; <paramref name="profileName"/> overrides <c>AWS_PROFILE</c>.</summary>
    public CredentialsResolver(IEnvironment environment, string? profileName = null)
        : this(new SharedConfigFiles(environment, profileName))
    {
    }

    /// <summary>Creates a resolver sharing already-located files.</summary>
    public CredentialsResolver(SharedConfigFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = files;
    }

    /// <summary>Resolves credentials.</summary>
    /// <exception cref="AwsConfigurationException">No source supplied credentials (the message lists each source and why), or a source is half-configured.</exception>
    /// <exception cref="AwsConfigFileException">A shared file is malformed.</exception>
    public AwsCredentials Resolve(AwsCredentials? explicitCredentials = null) => ResolveWithSource(explicitCredentials).Value;

    /// <summary>Resolves credentials and reports which source supplied them.</summary>
    /// <exception cref="AwsConfigurationException">No source supplied credentials, or a source is half-configured.</exception>
    public Resolved<AwsCredentials> ResolveWithSource(AwsCredentials? explicitCredentials = null)
    {
        if (explicitCredentials is not null)
        {
            return new Resolved<AwsCredentials>(explicitCredentials, "explicit credentials");
        }

        var attempts = new List<string> { "explicit credentials: none passed" };

        var env = _files.Environment;
        var keyId = SharedConfigFiles.NonEmpty(env.GetVariable(AccessKeyIdVariable));
        var secret = SharedConfigFiles.NonEmpty(env.GetVariable(SecretAccessKeyVariable));
        if (keyId is not null && secret is not null)
        {
            return new Resolved<AwsCredentials>(
                new AwsCredentials(keyId.Trim(), secret.Trim(), SharedConfigFiles.NonEmpty(env.GetVariable(SessionTokenVariable))?.Trim()),
                "environment variables");
        }

        if (keyId is not null)
        {
            throw new AwsConfigurationException($"{AccessKeyIdVariable} is set but {SecretAccessKeyVariable} is not; set both or neither.");
        }

        if (secret is not null)
        {
            throw new AwsConfigurationException($"{SecretAccessKeyVariable} is set but {AccessKeyIdVariable} is not; set both or neither.");
        }

        attempts.Add($"environment: {AccessKeyIdVariable} not set");

        var fromCredentialsFile = FromFile(_files.CredentialsFilePath, _files.CredentialsFile, SharedConfigFiles.CredentialsFileVariable, "shared credentials file", attempts);
        if (fromCredentialsFile is not null)
        {
            return fromCredentialsFile.Value;
        }

        var fromConfigFile = FromFile(_files.ConfigFilePath, _files.ConfigFile, SharedConfigFiles.ConfigFileVariable, "shared config file", attempts);
        if (fromConfigFile is not null)
        {
            return fromConfigFile.Value;
        }

        throw AwsConfigurationException.NotResolved("AWS credentials", attempts);
    }

    private Resolved<AwsCredentials>? FromFile(string? path, SharedConfigFile? file, string variable, string label, List<string> attempts)
    {
        var profile = file?.GetProfile(_files.ProfileName);
        var keyId = profile?.Get("aws_access_key_id");
        var secret = profile?.Get("aws_secret_access_key");
        if (keyId is not null && secret is not null)
        {
            return new Resolved<AwsCredentials>(
                new AwsCredentials(keyId, secret, profile!.Get("aws_session_token")),
                $"{label} {path}, profile '{_files.ProfileName}'");
        }

        if (keyId is not null || secret is not null)
        {
            var (present, missing) = keyId is not null ? ("aws_access_key_id", "aws_secret_access_key") : ("aws_secret_access_key", "aws_access_key_id");
            throw new AwsConfigurationException($"Profile '{_files.ProfileName}' in {path} has {present} but no {missing}.");
        }

        if (profile is not null)
        {
            foreach (var unsupported in UnsupportedProfileKeys)
            {
                if (profile.Get(unsupported) is not null)
                {
                    attempts.Add($"{label}: profile '{_files.ProfileName}' in {path} uses {unsupported}, which is not supported (only static keys are)");
                    return null;
                }
            }
        }

        attempts.Add($"{label}: {_files.DescribeMiss(path, file, profile, variable, "aws_access_key_id")}");
        return null;
    }
}
