using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Auth.Providers;

namespace CloudTrailSdk.Runtime.Config;

/// <summary>A resolved configuration value and a description of where it came from (e.g. <c>environment (AWS_REGION)</c>).</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Source">Where it came from, for logs and diagnostics.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct Resolved<T>(T Value, string Source);

/// <summary>
/// Picks the credentials source the way the AWS SDKs do, first configured source wins:
/// explicit → environment (skipped when a profile is named in code; <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>) →
/// web identity (<c>AWS_WEB_IDENTITY_TOKEN_FILE</c> + <c>AWS_ROLE_ARN</c>) → the active profile of the shared files
/// (<c>role_arn</c> with <c>source_profile</c>, <c>credential_source</c> or <c>web_identity_token_file</c>; SSO;
/// static keys; <c>credential_process</c>) → the container endpoint (<c>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI</c> /
/// <c>_FULL_URI</c>) → IMDSv2 (unless <c>AWS_EC2_METADATA_DISABLED=true</c>).
/// Choosing reads only local configuration; network sources are asked when credentials are first needed, and refreshed
/// before they expire. A half-configured source is an error rather than silently skipped.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CredentialsResolver
{
    /// <summary>Access key id variable.</summary>
    public const string AccessKeyIdVariable = "AWS_ACCESS_KEY_ID";

    /// <summary>Secret access key variable.</summary>
    public const string SecretAccessKeyVariable = "AWS_SECRET_ACCESS_KEY";

    /// <summary>Session token variable.</summary>
    public const string SessionTokenVariable = "AWS_SESSION_TOKEN";

    /// <summary>Web identity token file variable (EKS IRSA sets it).</summary>
    public const string WebIdentityTokenFileVariable = "AWS_WEB_IDENTITY_TOKEN_FILE";

    /// <summary>Role to assume with the web identity token.</summary>
    public const string RoleArnVariable = "AWS_ROLE_ARN";

    /// <summary>Session name for web identity.</summary>
    public const string RoleSessionNameVariable = "AWS_ROLE_SESSION_NAME";

    /// <summary>Container endpoint path on 169.254.170.2 (ECS).</summary>
    public const string ContainerRelativeUriVariable = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";

    /// <summary>Full container endpoint URL (EKS Pod Identity, local emulators).</summary>
    public const string ContainerFullUriVariable = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

    /// <summary>Authorization header value for the container endpoint.</summary>
    public const string ContainerTokenVariable = "AWS_CONTAINER_AUTHORIZATION_TOKEN";

    /// <summary>File holding the authorization header value (wins over <see cref="ContainerTokenVariable"/>).</summary>
    public const string ContainerTokenFileVariable = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";

    /// <summary>Set to <c>true</c> to skip IMDS.</summary>
    public const string ImdsDisabledVariable = "AWS_EC2_METADATA_DISABLED";

    /// <summary>IMDS endpoint override.</summary>
    public const string ImdsEndpointVariable = "AWS_EC2_METADATA_SERVICE_ENDPOINT";

    /// <summary>IMDS timeout in seconds (default 1).</summary>
    public const string ImdsTimeoutVariable = "AWS_METADATA_SERVICE_TIMEOUT";

    /// <summary>IMDS attempts (default 1).</summary>
    public const string ImdsAttemptsVariable = "AWS_METADATA_SERVICE_NUM_ATTEMPTS";

    private const string EcsHost = "169.254.170.2";

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

    /// <summary>The region whose STS endpoint role sources call; else the environment's or profile's region, else us-east-1.</summary>
    public string? Region { get; init; }

    /// <summary>The clock deciding expiry and refresh; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Supplies the code for a role profile with <c>mfa_serial</c>; without it such a profile is an error naming the profile.</summary>
    public Func<AwsMfaChallenge, CancellationToken, ValueTask<string>>? MfaTokenCode { get; init; }

    /// <summary>The HttpClient for STS, SSO, the container endpoint and IMDS; a process-wide one (no proxy for IMDS and the container endpoint) when null.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>Picks the credentials source.</summary>
    /// <exception cref="AwsConfigurationException">No source is configured (the message lists each source and why), or a source is half-configured or invalid.</exception>
    /// <exception cref="AwsConfigFileException">A shared file is malformed.</exception>
    public IAwsCredentialsProvider Resolve(AwsCredentials? explicitCredentials = null) => ResolveWithSource(explicitCredentials).Value;

    /// <summary>Picks the credentials source and describes it.</summary>
    /// <exception cref="AwsConfigurationException">No source is configured, or a source is half-configured or invalid.</exception>
    public Resolved<IAwsCredentialsProvider> ResolveWithSource(AwsCredentials? explicitCredentials = null)
    {
        if (explicitCredentials is not null)
        {
            return new(new StaticCredentialsProvider(explicitCredentials), "explicit credentials");
        }

        var attempts = new List<string> { "explicit credentials: none passed" };

        // A profile named in code is a deliberate choice, so it outranks keys in the environment (as in botocore).
        if (_files.ProfileIsExplicit)
        {
            attempts.Add($"environment: skipped, profile '{_files.ProfileName}' was named explicitly");
        }
        else if (FromEnvironment() is { } environment)
        {
            return new(new StaticCredentialsProvider(environment), "environment variables");
        }
        else
        {
            attempts.Add($"environment: {AccessKeyIdVariable} not set");
        }

        if (WebIdentityFromEnvironment() is { } webIdentity)
        {
            return webIdentity;
        }

        attempts.Add($"web identity: {WebIdentityTokenFileVariable} not set");

        if (FromProfile(_files.ProfileName, attempts, new HashSet<string>(StringComparer.Ordinal), sourceProfile: false) is { } profile)
        {
            return profile;
        }

        if (FromContainer() is { } container)
        {
            return container;
        }

        attempts.Add($"container endpoint: {ContainerRelativeUriVariable} and {ContainerFullUriVariable} not set");

        if (ConfigValue.ParseBoolean(Env(ImdsDisabledVariable), ImdsDisabledVariable) == true)
        {
            attempts.Add($"IMDS: disabled by {ImdsDisabledVariable}");
            throw AwsConfigurationException.NotResolved("AWS credentials", attempts);
        }

        var imds = Imds(attempts);
        return new(imds, imds.Source);
    }

    private string? Env(string name) => SharedConfigFiles.NonEmpty(_files.Environment.GetVariable(name))?.Trim();

    private AwsCredentials? FromEnvironment()
    {
        var keyId = Env(AccessKeyIdVariable);
        var secret = Env(SecretAccessKeyVariable);
        if (keyId is not null && secret is not null)
        {
            return new AwsCredentials(keyId, secret, Env(SessionTokenVariable));
        }

        if (keyId is not null)
        {
            throw new AwsConfigurationException($"{AccessKeyIdVariable} is set but {SecretAccessKeyVariable} is not; set both or neither.");
        }

        if (secret is not null)
        {
            throw new AwsConfigurationException($"{SecretAccessKeyVariable} is set but {AccessKeyIdVariable} is not; set both or neither.");
        }

        return null;
    }

    private Resolved<IAwsCredentialsProvider>? WebIdentityFromEnvironment()
    {
        var tokenFile = Env(WebIdentityTokenFileVariable);
        var roleArn = Env(RoleArnVariable);
        if (tokenFile is null && roleArn is null)
        {
            return null;
        }

        if (tokenFile is null || roleArn is null)
        {
            var (present, missing) = tokenFile is null ? (RoleArnVariable, WebIdentityTokenFileVariable) : (WebIdentityTokenFileVariable, RoleArnVariable);
            throw new AwsConfigurationException($"{present} is set but {missing} is not; web identity needs both.");
        }

        var origin = WebIdentityTokenFileVariable + " and " + RoleArnVariable;
        var provider = new WebIdentityCredentialsProvider(Sts(), tokenFile, roleArn, Env(RoleSessionNameVariable) ?? DefaultSessionName(), origin, TimeProvider);
        return new(provider, provider.Source);
    }

    private Resolved<IAwsCredentialsProvider>? FromProfile(string name, List<string> attempts, HashSet<string> visiting, bool sourceProfile)
    {
        if (!visiting.Add(name))
        {
            throw new AwsConfigurationException($"Profile '{name}' is part of a source_profile cycle ({string.Join(" -> ", visiting)} -> {name}).");
        }

        var view = new ProfileView(_files, name);
        if (!view.Exists)
        {
            if (sourceProfile)
            {
                throw new AwsConfigurationException($"source_profile '{name}' is in neither {_files.CredentialsFilePath} nor {_files.ConfigFilePath}.");
            }

            attempts.Add("shared credentials file: " + _files.DescribeMiss(_files.CredentialsFilePath, _files.CredentialsFile, null, SharedConfigFiles.CredentialsFileVariable, "aws_access_key_id"));
            attempts.Add("shared config file: " + _files.DescribeMiss(_files.ConfigFilePath, _files.ConfigFile, null, SharedConfigFiles.ConfigFileVariable, "aws_access_key_id"));
            return null;
        }

        // A source profile with its own keys is used as is; the active profile's role_arn wins over keys next to it.
        if (sourceProfile && StaticKeys(view) is { } sourceKeys)
        {
            return sourceKeys;
        }

        if (view.Get("role_arn") is { } roleArn)
        {
            return AssumeRole(view, roleArn, attempts, visiting);
        }

        if (view.Get("sso_session") is not null || view.Get("sso_start_url") is not null)
        {
            return Sso(view);
        }

        if (StaticKeys(view) is { } keys)
        {
            return keys;
        }

        if (view.Get("credential_process") is { } command)
        {
            var process = new ProcessCredentialsProvider(command, name, TimeProvider);
            return new(process, process.Source);
        }

        if (sourceProfile)
        {
            throw new AwsConfigurationException($"source_profile '{name}' has no credentials (no keys, role_arn, SSO settings or credential_process).");
        }

        attempts.Add("shared credentials file: " + _files.DescribeMiss(_files.CredentialsFilePath, _files.CredentialsFile, view.Credentials, SharedConfigFiles.CredentialsFileVariable, "aws_access_key_id"));
        attempts.Add(view.Config is null
            ? "shared config file: " + _files.DescribeMiss(_files.ConfigFilePath, _files.ConfigFile, null, SharedConfigFiles.ConfigFileVariable, "aws_access_key_id")
            : $"shared config file: profile '{name}' in {_files.ConfigFilePath} has no keys, role_arn, SSO settings or credential_process");
        return null;
    }

    private static Resolved<IAwsCredentialsProvider>? StaticKeys(ProfileView view)
    {
        foreach (var (section, path) in new[] { (view.Credentials, view.CredentialsPath), (view.Config, view.ConfigPath) })
        {
            var keyId = section?.Get("aws_access_key_id");
            var secret = section?.Get("aws_secret_access_key");
            if (keyId is not null && secret is not null)
            {
                var label = section == view.Credentials ? "shared credentials file" : "shared config file";
                return new(new StaticCredentialsProvider(new AwsCredentials(keyId, secret, section!.Get("aws_session_token"))), $"{label} {path}, profile '{view.Name}'");
            }

            if (keyId is not null || secret is not null)
            {
                var (present, missing) = keyId is not null ? ("aws_access_key_id", "aws_secret_access_key") : ("aws_secret_access_key", "aws_access_key_id");
                throw new AwsConfigurationException($"Profile '{view.Name}' in {path} has {present} but no {missing}.");
            }
        }

        return null;
    }

    private Resolved<IAwsCredentialsProvider> AssumeRole(ProfileView view, string roleArn, List<string> attempts, HashSet<string> visiting)
    {
        var sessionName = view.Get("role_session_name") ?? DefaultSessionName();
        if (view.Get("web_identity_token_file") is { } tokenFile)
        {
            var web = new WebIdentityCredentialsProvider(Sts(), tokenFile, roleArn, sessionName, $"web_identity_token_file of profile '{view.Name}'", TimeProvider);
            return new(web, web.Source);
        }

        AwsMfaChallenge? mfa = null;
        if (view.Get("mfa_serial") is { } serial)
        {
            if (MfaTokenCode is null)
            {
                throw new AwsConfigurationException(
                    $"Profile '{view.Name}' sets mfa_serial = {serial}: assuming {roleArn} needs the current code of that MFA device. "
                    + "Set AwsClientOptions.MfaTokenCode to a callback that returns it (for example by prompting), or use a profile without mfa_serial (SSO, credential_process).");
            }

            mfa = new AwsMfaChallenge(view.Name, roleArn, serial);
        }

        var sourceProfile = view.Get("source_profile");
        var credentialSource = view.Get("credential_source");
        if (sourceProfile is not null && credentialSource is not null)
        {
            throw new AwsConfigurationException($"Profile '{view.Name}' sets both source_profile and credential_source; set one.");
        }

        IAwsCredentialsProvider caller;
        if (sourceProfile is not null)
        {
            if (sourceProfile == view.Name)
            {
                caller = StaticKeys(view)?.Value
                    ?? throw new AwsConfigurationException($"Profile '{view.Name}' is its own source_profile but has no aws_access_key_id and aws_secret_access_key.");
            }
            else
            {
                caller = FromProfile(sourceProfile, attempts, visiting, sourceProfile: true)!.Value.Value;
            }
        }
        else if (credentialSource is not null)
        {
            caller = credentialSource switch
            {
                "Environment" => new StaticCredentialsProvider(FromEnvironment()
                    ?? throw new AwsConfigurationException($"Profile '{view.Name}' has credential_source = Environment, but {AccessKeyIdVariable} is not set.")),
                "Ec2InstanceMetadata" => Imds(null),
                "EcsContainer" => FromContainer()?.Value
                    ?? throw new AwsConfigurationException($"Profile '{view.Name}' has credential_source = EcsContainer, but neither {ContainerRelativeUriVariable} nor {ContainerFullUriVariable} is set."),
                _ => throw new AwsConfigurationException($"Profile '{view.Name}' has credential_source = '{credentialSource}'; expected Environment, Ec2InstanceMetadata or EcsContainer."),
            };
        }
        else
        {
            throw new AwsConfigurationException($"Profile '{view.Name}' sets role_arn but neither source_profile nor credential_source (nor web_identity_token_file).");
        }

        var duration = ConfigValue.ParseInt32(view.Get("duration_seconds"), $"duration_seconds of profile '{view.Name}'", 900, 43200);
        var provider = new AssumeRoleCredentialsProvider(caller, Sts(), roleArn, sessionName, view.Get("external_id"), duration, view.Name, TimeProvider)
        {
            Mfa = mfa is null ? null : (mfa, MfaTokenCode!),
        };
        return new(provider, provider.Source);
    }

    private Resolved<IAwsCredentialsProvider> Sso(ProfileView view)
    {
        string startUrl, ssoRegion, cacheKey;
        var sessionName = view.Get("sso_session");
        if (sessionName is not null)
        {
            if (_files.ConfigFile?.SsoSessions.TryGetValue(sessionName, out var session) != true)
            {
                throw new AwsConfigurationException($"Profile '{view.Name}' names sso_session '{sessionName}', but {_files.ConfigFilePath} has no [sso-session {sessionName}] section.");
            }

            startUrl = session!.Get("sso_start_url") ?? throw Missing($"[sso-session {sessionName}]", "sso_start_url");
            ssoRegion = session.Get("sso_region") ?? throw Missing($"[sso-session {sessionName}]", "sso_region");
            cacheKey = sessionName;
        }
        else
        {
            startUrl = view.Get("sso_start_url")!;
            ssoRegion = view.Get("sso_region") ?? throw Missing($"profile '{view.Name}'", "sso_region");
            cacheKey = startUrl;
        }

        _ = startUrl;
        var accountId = view.Get("sso_account_id") ?? throw Missing($"profile '{view.Name}'", "sso_account_id");
        var roleName = view.Get("sso_role_name") ?? throw Missing($"profile '{view.Name}'", "sso_role_name");
        var home = SharedConfigFiles.NonEmpty(_files.Environment.HomeDirectory)
            ?? throw new AwsConfigurationException($"Profile '{view.Name}' uses SSO, but no home directory is known to find ~/.aws/sso/cache in.");
        var cacheFile = Path.Combine(home, ".aws", "sso", "cache", SsoCredentialsProvider.CacheFileName(cacheKey));
        var portal = new EndpointResolver(_files.Environment, "SSO", "portal.sso", _files.ProfileName).Resolve(ssoRegion);
        var hint = _files.ProfileName == "default" ? string.Empty : " --profile " + _files.ProfileName;
        var provider = new SsoCredentialsProvider(portal, cacheFile, accountId, roleName, view.Name, hint, HttpClient ?? CredentialsHttp.Remote, TimeProvider);
        return new(provider, provider.Source);
    }

    private Resolved<IAwsCredentialsProvider>? FromContainer()
    {
        var relative = Env(ContainerRelativeUriVariable);
        var full = Env(ContainerFullUriVariable);
        Uri uri;
        if (relative is not null)
        {
            if (!relative.StartsWith('/') || !Uri.TryCreate("http://" + EcsHost + relative, UriKind.Absolute, out uri!))
            {
                throw new AwsConfigurationException($"{ContainerRelativeUriVariable} '{relative}' must be a path starting with '/'.");
            }
        }
        else if (full is not null)
        {
            uri = EndpointResolver.ParseEndpoint(full, ContainerFullUriVariable);
            if (uri.Scheme == Uri.UriSchemeHttp && !IsAllowedContainerHost(uri))
            {
                throw new AwsConfigurationException(
                    $"{ContainerFullUriVariable} '{full}' uses http with host '{uri.Host}'; plain http is only allowed to a loopback address or the ECS/EKS container hosts (169.254.170.2, 169.254.170.23, fd00:ec2::23). Use https.");
            }
        }
        else
        {
            return null;
        }

        var provider = new ContainerCredentialsProvider(uri, Env(ContainerTokenVariable), Env(ContainerTokenFileVariable), HttpClient ?? CredentialsHttp.Local, TimeProvider);
        return new(provider, provider.Source);
    }

    private static bool IsAllowedContainerHost(Uri uri)
    {
        if (uri.IsLoopback)
        {
            return true;
        }

        return IPAddress.TryParse(uri.DnsSafeHost, out var address)
            && (address.Equals(IPAddress.Parse(EcsHost)) || address.Equals(IPAddress.Parse("169.254.170.23")) || address.Equals(IPAddress.Parse("fd00:ec2::23")));
    }

    private ImdsCredentialsProvider Imds(List<string>? attempts)
    {
        var endpoint = Env(ImdsEndpointVariable) is { } configured
            ? EndpointResolver.ParseEndpoint(configured, ImdsEndpointVariable)
            : new Uri(ImdsCredentialsProvider.DefaultEndpoint);
        var timeout = ConfigValue.ReadInt32(_files.Environment, ImdsTimeoutVariable, 1, 3600) ?? 1;
        var tries = ConfigValue.ReadInt32(_files.Environment, ImdsAttemptsVariable, 1, 10) ?? 1;
        return new ImdsCredentialsProvider(endpoint, TimeSpan.FromSeconds(timeout), tries, HttpClient ?? CredentialsHttp.Local, TimeProvider, attempts?.ToArray());
    }

    private StsClient Sts()
    {
        var region = Region;
        if (region is null)
        {
            try
            {
                region = new RegionResolver(_files).Resolve();
            }
            catch (AwsConfigurationException)
            {
                region = "us-east-1"; // STS is global; without a region the SDKs use its us-east-1 endpoint.
            }
        }

        var endpoint = new EndpointResolver(_files.Environment, "STS", "sts", _files.ProfileName).Resolve(region);
        return new StsClient(endpoint, region, HttpClient ?? CredentialsHttp.Remote, TimeProvider);
    }

    private string DefaultSessionName() =>
        "cloudtrailsdk-" + TimeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private AwsConfigurationException Missing(string where, string key) =>
        new($"{where} in {_files.ConfigFilePath} uses SSO but has no {key}.");

    /// <summary>One profile as seen through both files: the credentials file's value wins over the config file's.</summary>
    private sealed class ProfileView
    {
        public ProfileView(SharedConfigFiles files, string name)
        {
            Name = name;
            Credentials = files.CredentialsFile?.GetProfile(name);
            Config = files.ConfigFile?.GetProfile(name);
            CredentialsPath = files.CredentialsFilePath;
            ConfigPath = files.ConfigFilePath;
        }

        public string Name { get; }

        public SharedConfigSection? Credentials { get; }

        public SharedConfigSection? Config { get; }

        public string? CredentialsPath { get; }

        public string? ConfigPath { get; }

        public bool Exists => Credentials is not null || Config is not null;

        public string? Get(string key) => Credentials?.Get(key) ?? Config?.Get(key);
    }
}
