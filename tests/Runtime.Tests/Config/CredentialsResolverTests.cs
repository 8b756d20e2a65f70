using System.IO;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Runtime.Tests.Config;

[Trait("Category", "Unit")]
public sealed class CredentialsResolverTests
{
    // The resolver picks a provider; static sources answer synchronously, so tests read them directly.
    private const string DevCredentials = "[default]\naws_access_key_id = FILEDEFAULT\naws_secret_access_key = s1\n[dev]\naws_access_key_id = FILEDEV\naws_secret_access_key = s2\naws_session_token = t2\n";

    [Fact]
    public void Explicit_credentials_win_over_everything()
    {
        using var home = new TempHome();
        home.WriteCredentials(DevCredentials);
        home.Environment.Set("AWS_ACCESS_KEY_ID", "ENV").Set("AWS_SECRET_ACCESS_KEY", "envsecret");
        var explicitKeys = new AwsCredentials("EXPLICIT", "x");
        var resolved = new CredentialsResolver(home.Environment).ResolveWithSource(explicitKeys);
        Assert.Same(explicitKeys, resolved.Value.Keys());
        Assert.Equal("explicit credentials", resolved.Source);
    }

    [Fact]
    public void Environment_wins_over_files_and_carries_session_token()
    {
        using var home = new TempHome();
        home.WriteCredentials(DevCredentials);
        home.Environment.Set("AWS_ACCESS_KEY_ID", "ENV").Set("AWS_SECRET_ACCESS_KEY", "envsecret").Set("AWS_SESSION_TOKEN", "envtoken");
        var resolved = new CredentialsResolver(home.Environment).ResolveWithSource();
        Assert.Equal("ENV", resolved.Value.Keys().AccessKeyId);
        Assert.Equal("envsecret", resolved.Value.Keys().SecretAccessKey);
        Assert.Equal("envtoken", resolved.Value.Keys().SessionToken);
        Assert.Equal("environment variables", resolved.Source);
    }

    [Fact]
    public void Empty_environment_variables_count_as_unset()
    {
        using var home = new TempHome();
        home.WriteCredentials(DevCredentials);
        home.Environment.Set("AWS_ACCESS_KEY_ID", "").Set("AWS_SECRET_ACCESS_KEY", " ");
        Assert.Equal("FILEDEFAULT", new CredentialsResolver(home.Environment).Resolve().Keys().AccessKeyId);
    }

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both or neither.")]
    [InlineData("AWS_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not; set both or neither.")]
    public void Half_configured_environment_is_an_error(string variable, string message)
    {
        using var home = new TempHome();
        home.WriteCredentials(DevCredentials);
        home.Environment.Set(variable, "value");
        Assert.Equal(message, Assert.Throws<AwsConfigurationException>(() => new CredentialsResolver(home.Environment).Resolve()).Message);
    }

    [Fact]
    public void Default_credentials_file_in_home_is_used()
    {
        using var home = new TempHome();
        home.WriteCredentials(DevCredentials);
        var resolved = new CredentialsResolver(home.Environment).ResolveWithSource();
        Assert.Equal("FILEDEFAULT", resolved.Value.Keys().AccessKeyId);
        Assert.Null(resolved.Value.Keys().SessionToken);
        Assert.Equal($"shared credentials file {home.CredentialsPath}, profile 'default'", resolved.Source);
    }

    [Fact]
    public void AWS_PROFILE_selects_the_profile_and_explicit_profile_overrides_it()
    {
        using var home = new TempHome();
        home.WriteCredentials(DevCredentials + "[other]\naws_access_key_id = OTHER\naws_secret_access_key = s3\n");
        home.Environment.Set("AWS_PROFILE", "dev");
        var dev = new CredentialsResolver(home.Environment).Resolve().Keys();
        Assert.Equal("FILEDEV", dev.AccessKeyId);
        Assert.Equal("t2", dev.SessionToken);
        Assert.Equal("OTHER", new CredentialsResolver(home.Environment, "other").Resolve().Keys().AccessKeyId);
    }

    [Fact]
    public void Credentials_file_location_can_be_overridden_including_tilde()
    {
        using var home = new TempHome();
        home.WriteCredentials(DevCredentials);
        var custom = home.Write(Path.Combine(home.Root, "elsewhere", "creds"), "[default]\naws_access_key_id = CUSTOM\naws_secret_access_key = s\n");
        home.Environment.Set("AWS_SHARED_CREDENTIALS_FILE", custom);
        Assert.Equal("CUSTOM", new CredentialsResolver(home.Environment).Resolve().Keys().AccessKeyId);
        home.Environment.Set("AWS_SHARED_CREDENTIALS_FILE", "~/elsewhere/creds");
        Assert.Equal("CUSTOM", new CredentialsResolver(home.Environment).Resolve().Keys().AccessKeyId);
    }

    [Fact]
    public void Credentials_file_wins_over_config_file()
    {
        using var home = new TempHome();
        home.WriteCredentials(DevCredentials);
        home.WriteConfig("[default]\naws_access_key_id = CONFIG\naws_secret_access_key = c\n");
        Assert.Equal("FILEDEFAULT", new CredentialsResolver(home.Environment).Resolve().Keys().AccessKeyId);
    }

    [Fact]
    public void Config_file_is_used_when_credentials_file_lacks_the_profile()
    {
        using var home = new TempHome();
        home.WriteCredentials(DevCredentials);
        var config = home.WriteConfig("[profile cfg]\naws_access_key_id = CONFIG\naws_secret_access_key = c\naws_session_token = ct\n");
        home.Environment.Set("AWS_PROFILE", "cfg");
        var resolved = new CredentialsResolver(home.Environment).ResolveWithSource();
        Assert.Equal("CONFIG", resolved.Value.Keys().AccessKeyId);
        Assert.Equal("ct", resolved.Value.Keys().SessionToken);
        Assert.Equal($"shared config file {config}, profile 'cfg'", resolved.Source);
    }

    [Fact]
    public void Config_file_location_can_be_overridden()
    {
        using var home = new TempHome();
        var config = home.Write(Path.Combine(home.Root, "cfg"), "[default]\naws_access_key_id = CONFIG\naws_secret_access_key = c\n");
        home.Environment.Set("AWS_CONFIG_FILE", config);
        Assert.Equal("CONFIG", new CredentialsResolver(home.Environment).Resolve().Keys().AccessKeyId);
    }

    [Fact]
    public void Missing_everywhere_lists_every_source_and_reason()
    {
        using var home = new TempHome();
        var config = home.Write(Path.Combine(home.Root, "x", "config"), "[profile other]\nregion = us-east-1\n");
        home.Environment.Set("AWS_PROFILE", "dev").Set("AWS_CONFIG_FILE", config).Set("AWS_EC2_METADATA_DISABLED", "true");
        var error = Assert.Throws<AwsConfigurationException>(() => new CredentialsResolver(home.Environment).Resolve());
        Assert.Equal(
            "Unable to resolve AWS credentials. Sources tried, in order: explicit credentials: none passed; environment: AWS_ACCESS_KEY_ID not set; "
            + "web identity: AWS_WEB_IDENTITY_TOKEN_FILE not set; "
            + $"shared credentials file: {home.CredentialsPath} not found; shared config file: profile 'dev' not in {config}; "
            + "container endpoint: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set; IMDS: disabled by AWS_EC2_METADATA_DISABLED.",
            error.Message);
        Assert.Equal(7, error.Attempts.Count);
    }

    [Fact]
    public void Profile_without_keys_and_missing_home_are_explained()
    {
        using var home = new TempHome();
        home.WriteCredentials("[default]\nregion = us-east-1\n");
        home.Environment.Set("AWS_EC2_METADATA_DISABLED", "true");
        var error = Assert.Throws<AwsConfigurationException>(() => new CredentialsResolver(home.Environment).Resolve());
        Assert.Contains($"shared credentials file: profile 'default' in {home.CredentialsPath} has no aws_access_key_id", error.Message);
        Assert.Contains($"shared config file: {home.ConfigPath} not found", error.Message);

        var homeless = new FakeEnvironment(home: null).Set("AWS_EC2_METADATA_DISABLED", "true");
        var noHome = Assert.Throws<AwsConfigurationException>(() => new CredentialsResolver(homeless).Resolve());
        Assert.Contains("shared credentials file: AWS_SHARED_CREDENTIALS_FILE not set and no home directory is known", noHome.Message);
        Assert.Contains("shared config file: AWS_CONFIG_FILE not set and no home directory is known", noHome.Message);
    }

    [Fact]
    public void Without_any_configuration_IMDS_is_the_last_resort()
    {
        using var home = new TempHome();
        var resolved = new CredentialsResolver(home.Environment).ResolveWithSource();
        Assert.Equal("IMDSv2 (http://169.254.169.254/)", resolved.Source);
    }

    [Theory]
    [InlineData("aws_access_key_id = A\n", "has aws_access_key_id but no aws_secret_access_key")]
    [InlineData("aws_secret_access_key = S\n", "has aws_secret_access_key but no aws_access_key_id")]
    public void Half_configured_profile_is_an_error(string body, string fragment)
    {
        using var home = new TempHome();
        home.WriteCredentials("[default]\n" + body);
        var error = Assert.Throws<AwsConfigurationException>(() => new CredentialsResolver(home.Environment).Resolve());
        Assert.Equal($"Profile 'default' in {home.CredentialsPath} {fragment}.", error.Message);
    }

    [Fact]
    public void Malformed_credentials_file_reports_line()
    {
        using var home = new TempHome();
        home.WriteCredentials("[default]\naws_access_key_id = A\nbroken line\n");
        var error = Assert.Throws<AwsConfigFileException>(() => new CredentialsResolver(home.Environment).Resolve());
        Assert.Equal(home.CredentialsPath, error.FilePath);
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void Malformed_file_is_not_read_when_environment_supplies_credentials()
    {
        using var home = new TempHome();
        home.WriteCredentials("broken\n");
        home.Environment.Set("AWS_ACCESS_KEY_ID", "ENV").Set("AWS_SECRET_ACCESS_KEY", "s");
        Assert.Equal("ENV", new CredentialsResolver(home.Environment).Resolve().Keys().AccessKeyId);
    }
}

internal static class CredentialsProviderTestExtensions
{
    public static AwsCredentials Keys(this IAwsCredentialsProvider provider) => provider.GetCredentialsAsync().AsTask().GetAwaiter().GetResult();
}
