using CloudTrailSdk.Runtime.Config;

namespace CloudTrailSdk.Runtime.Tests.Config;

[Trait("Category", "Unit")]
public sealed class RegionResolverTests
{
    private static TempHome HomeWithAllSources()
    {
        var home = new TempHome();
        home.WriteConfig("[default]\nregion = profile-region-1\n[profile dev]\nregion = dev-region-1\n");
        home.Environment.Set("AWS_REGION", "env-region-1").Set("AWS_DEFAULT_REGION", "env-default-1");
        return home;
    }

    [Fact]
    public void Explicit_region_wins()
    {
        using var home = HomeWithAllSources();
        var resolved = new RegionResolver(home.Environment).ResolveWithSource("eu-central-1");
        Assert.Equal(new Resolved<string>("eu-central-1", "explicit region"), resolved);
    }

    [Fact]
    public void AWS_REGION_wins_over_AWS_DEFAULT_REGION()
    {
        using var home = HomeWithAllSources();
        Assert.Equal(new Resolved<string>("env-region-1", "AWS_REGION"), new RegionResolver(home.Environment).ResolveWithSource());
    }

    [Fact]
    public void AWS_DEFAULT_REGION_wins_over_profile()
    {
        using var home = HomeWithAllSources();
        home.Environment.Set("AWS_REGION", "");
        Assert.Equal(new Resolved<string>("env-default-1", "AWS_DEFAULT_REGION"), new RegionResolver(home.Environment).ResolveWithSource());
    }

    [Fact]
    public void Profile_region_is_last_and_follows_the_active_profile()
    {
        using var home = HomeWithAllSources();
        home.Environment.Set("AWS_REGION", "").Set("AWS_DEFAULT_REGION", "");
        Assert.Equal(
            new Resolved<string>("profile-region-1", $"profile 'default' in {home.ConfigPath}"),
            new RegionResolver(home.Environment).ResolveWithSource());
        home.Environment.Set("AWS_PROFILE", "dev");
        Assert.Equal("dev-region-1", new RegionResolver(home.Environment).Resolve());
        Assert.Equal("profile-region-1", new RegionResolver(home.Environment, "default").Resolve());
    }

    [Fact]
    public void Missing_region_lists_every_source()
    {
        using var home = new TempHome();
        home.WriteConfig("[profile other]\nregion = us-east-1\n");
        home.Environment.Set("AWS_PROFILE", "dev");
        var error = Assert.Throws<AwsConfigurationException>(() => new RegionResolver(home.Environment).Resolve());
        Assert.Equal(
            "Unable to resolve the AWS region. Sources tried, in order: explicit region: none passed; AWS_REGION not set; AWS_DEFAULT_REGION not set; "
            + $"shared config file: profile 'dev' not in {home.ConfigPath}.",
            error.Message);
    }

    [Fact]
    public void Missing_region_explains_missing_file_and_missing_key()
    {
        using var home = new TempHome();
        Assert.Contains($"shared config file: {home.ConfigPath} not found", Assert.Throws<AwsConfigurationException>(() => new RegionResolver(home.Environment).Resolve()).Message);
        home.WriteConfig("[default]\noutput = json\n");
        Assert.Contains($"shared config file: profile 'default' in {home.ConfigPath} has no region", Assert.Throws<AwsConfigurationException>(() => new RegionResolver(home.Environment).Resolve()).Message);
    }

    [Theory]
    [InlineData("AWS_REGION", "us east 1")]
    [InlineData("AWS_DEFAULT_REGION", "us_east_1")]
    [InlineData("AWS_REGION", "-us-east-1")]
    [InlineData("AWS_REGION", "us-east-1/")]
    public void Invalid_region_names_its_source(string variable, string value)
    {
        using var home = new TempHome();
        home.Environment.Set(variable, value);
        var error = Assert.Throws<AwsConfigurationException>(() => new RegionResolver(home.Environment).Resolve());
        Assert.StartsWith($"Region '{value}' from {variable} is invalid: a region must be non-empty and contain only letters, digits and dashes", error.Message);
    }

    [Fact]
    public void Invalid_profile_and_explicit_regions_name_their_source()
    {
        using var home = new TempHome();
        home.WriteConfig("[default]\nregion = us.east.1\n");
        Assert.StartsWith($"Region 'us.east.1' from profile 'default' in {home.ConfigPath} is invalid", Assert.Throws<AwsConfigurationException>(() => new RegionResolver(home.Environment).Resolve()).Message);
        Assert.StartsWith("Region '' from explicit region is invalid", Assert.Throws<AwsConfigurationException>(() => new RegionResolver(home.Environment).Resolve("")).Message);
    }

    [Theory]
    [InlineData("us-east-1", true)]
    [InlineData("cn-northwest-1", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("local", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("us-east-1-", false)]
    [InlineData("üs-east-1", false)]
    public void IsValid_checks_shape(string? region, bool valid) => Assert.Equal(valid, RegionResolver.IsValid(region));

    [Fact]
    public void Malformed_config_file_reports_line()
    {
        using var home = new TempHome();
        home.WriteConfig("[default]\n\n\nnot valid\n");
        var error = Assert.Throws<AwsConfigFileException>(() => new RegionResolver(home.Environment).Resolve());
        Assert.Equal(4, error.LineNumber);
        Assert.StartsWith($"{home.ConfigPath}, line 4: ", error.Message);
    }
}
