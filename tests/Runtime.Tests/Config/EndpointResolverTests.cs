using System;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Runtime.Tests.Config;

[Trait("Category", "Unit")]
public sealed class EndpointResolverTests
{
    private static EndpointResolver CloudTrail(IEnvironment environment, string? profile = null) => new(environment, "CloudTrail", "cloudtrail", profile);

    private static TempHome HomeWithAllSources()
    {
        var home = new TempHome();
        home.WriteConfig(
            "[default]\nendpoint_url = https://profile.example\nservices = local\n"
            + "[services local]\ncloudtrail =\n  endpoint_url = https://services.example\ns3 =\n  endpoint_url = https://s3.example\n");
        home.Environment.Set("AWS_ENDPOINT_URL_CLOUDTRAIL", "https://service-env.example").Set("AWS_ENDPOINT_URL", "https://global-env.example");
        return home;
    }

    [Fact]
    public void Explicit_endpoint_wins()
    {
        using var home = HomeWithAllSources();
        var resolved = CloudTrail(home.Environment).ResolveWithSource("us-east-1", "http://localhost:4566");
        Assert.Equal(new Uri("http://localhost:4566"), resolved.Value);
        Assert.Equal("explicit endpoint", resolved.Source);
    }

    [Fact]
    public void Service_specific_environment_variable_is_next()
    {
        using var home = HomeWithAllSources();
        Assert.Equal(new Resolved<Uri>(new Uri("https://service-env.example"), "AWS_ENDPOINT_URL_CLOUDTRAIL"), CloudTrail(home.Environment).ResolveWithSource("us-east-1"));
    }

    [Fact]
    public void Global_environment_variable_is_next()
    {
        using var home = HomeWithAllSources();
        home.Environment.Set("AWS_ENDPOINT_URL_CLOUDTRAIL", "");
        Assert.Equal(new Resolved<Uri>(new Uri("https://global-env.example"), "AWS_ENDPOINT_URL"), CloudTrail(home.Environment).ResolveWithSource("us-east-1"));
    }

    [Fact]
    public void Services_section_is_next_then_profile_endpoint_url()
    {
        using var home = HomeWithAllSources();
        home.Environment.Set("AWS_ENDPOINT_URL_CLOUDTRAIL", "").Set("AWS_ENDPOINT_URL", "");
        var services = CloudTrail(home.Environment).ResolveWithSource("us-east-1");
        Assert.Equal(new Uri("https://services.example"), services.Value);
        Assert.Equal($"[services local] cloudtrail.endpoint_url in {home.ConfigPath}", services.Source);

        var otherService = new EndpointResolver(home.Environment, "CloudWatch Logs", "logs").ResolveWithSource("us-east-1");
        Assert.Equal(new Uri("https://profile.example"), otherService.Value);
        Assert.Equal($"endpoint_url of profile 'default' in {home.ConfigPath}", otherService.Source);
    }

    [Fact]
    public void Default_endpoint_is_last()
    {
        using var home = new TempHome();
        var resolved = CloudTrail(home.Environment).ResolveWithSource("us-west-2");
        Assert.Equal(new Uri("https://cloudtrail.us-west-2.amazonaws.com"), resolved.Value);
        Assert.Equal("default endpoint", resolved.Source);
    }

    [Theory]
    [InlineData("cn-north-1", "https://cloudtrail.cn-north-1.amazonaws.com.cn/")]
    [InlineData("cn-northwest-1", "https://cloudtrail.cn-northwest-1.amazonaws.com.cn/")]
    [InlineData("eu-west-1", "https://cloudtrail.eu-west-1.amazonaws.com/")]
    public void Default_endpoint_uses_partition_suffix(string region, string expected) =>
        Assert.Equal(expected, EndpointResolver.DefaultEndpoint("cloudtrail", region).ToString());

    [Fact]
    public void Default_endpoint_validates_region() =>
        Assert.StartsWith("Region 'us east' from the region passed to the endpoint resolver is invalid", Assert.Throws<AwsConfigurationException>(() => EndpointResolver.DefaultEndpoint("cloudtrail", "us east")).Message);

    [Fact]
    public void Service_id_is_generalized_to_variable_and_services_key()
    {
        var resolver = new EndpointResolver(new FakeEnvironment(), "Cost Explorer", "ce");
        Assert.Equal("AWS_ENDPOINT_URL_COST_EXPLORER", resolver.ServiceEndpointVariable);
        Assert.Equal("cost_explorer", resolver.ServicesSectionKey);
        var env = new FakeEnvironment().Set("AWS_ENDPOINT_URL_COST_EXPLORER", "https://ce.local");
        Assert.Equal(new Uri("https://ce.local"), new EndpointResolver(env, "Cost Explorer", "ce").Resolve("us-east-1"));
    }

    [Theory]
    [InlineData("not a url", "it is not an absolute URL (expected e.g. 'https://cloudtrail.us-east-1.amazonaws.com')")]
    [InlineData("cloudtrail.us-east-1.amazonaws.com", "it is not an absolute URL (expected e.g. 'https://cloudtrail.us-east-1.amazonaws.com')")]
    [InlineData("ftp://example.com", "the scheme must be http or https, not 'ftp'")]
    [InlineData("https://example.com/?a=b", "it must not have a query string or fragment")]
    [InlineData("https://example.com/#frag", "it must not have a query string or fragment")]
    public void Invalid_environment_url_names_the_variable(string value, string reason)
    {
        var env = new FakeEnvironment().Set("AWS_ENDPOINT_URL_CLOUDTRAIL", value);
        var error = Assert.Throws<AwsConfigurationException>(() => CloudTrail(env).Resolve("us-east-1"));
        Assert.Equal($"Endpoint URL '{value}' from AWS_ENDPOINT_URL_CLOUDTRAIL is invalid: {reason}.", error.Message);
    }

    [Fact]
    public void Invalid_urls_from_other_sources_name_their_source()
    {
        using var home = new TempHome();
        home.WriteConfig("[default]\nendpoint_url = nope\n[profile svc]\nservices = s\n[services s]\ncloudtrail =\n  endpoint_url = bad url\n");
        Assert.StartsWith("Endpoint URL 'x' from explicit endpoint is invalid", Assert.Throws<AwsConfigurationException>(() => CloudTrail(home.Environment).Resolve("us-east-1", "x")).Message);
        Assert.StartsWith("Endpoint URL 'bad' from AWS_ENDPOINT_URL is invalid", Assert.Throws<AwsConfigurationException>(() => CloudTrail(new FakeEnvironment().Set("AWS_ENDPOINT_URL", "bad")).Resolve("us-east-1")).Message);
        Assert.StartsWith($"Endpoint URL 'nope' from endpoint_url of profile 'default' in {home.ConfigPath} is invalid", Assert.Throws<AwsConfigurationException>(() => CloudTrail(home.Environment).Resolve("us-east-1")).Message);
        Assert.StartsWith($"Endpoint URL 'bad url' from [services s] cloudtrail.endpoint_url in {home.ConfigPath} is invalid", Assert.Throws<AwsConfigurationException>(() => CloudTrail(home.Environment, "svc").Resolve("us-east-1")).Message);
    }

    [Fact]
    public void Ignore_configured_endpoints_skips_environment_and_profile_but_not_explicit()
    {
        using var home = HomeWithAllSources();
        home.Environment.Set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        Assert.Equal(new Uri("https://cloudtrail.us-east-1.amazonaws.com"), CloudTrail(home.Environment).Resolve("us-east-1"));
        Assert.Equal(new Uri("https://explicit.example"), CloudTrail(home.Environment).Resolve("us-east-1", "https://explicit.example"));
    }

    [Fact]
    public void Ignore_configured_endpoints_can_come_from_profile_and_is_validated()
    {
        using var home = new TempHome();
        home.WriteConfig("[default]\nendpoint_url = https://profile.example\nignore_configured_endpoint_urls = true\n");
        Assert.Equal(new Uri("https://cloudtrail.us-east-1.amazonaws.com"), CloudTrail(home.Environment).Resolve("us-east-1"));
        home.Environment.Set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false");
        Assert.Equal(new Uri("https://profile.example"), CloudTrail(home.Environment).Resolve("us-east-1"));
        home.Environment.Set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "maybe");
        Assert.Equal("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS must be 'true' or 'false', but is 'maybe'.", Assert.Throws<AwsConfigurationException>(() => CloudTrail(home.Environment).Resolve("us-east-1")).Message);
    }

    [Fact]
    public void Shared_files_instance_can_be_reused_across_resolvers()
    {
        using var home = new TempHome();
        home.WriteConfig("[profile p]\nregion = eu-west-3\nendpoint_url = http://127.0.0.1:9000\n");
        var files = new SharedConfigFiles(home.Environment, "p");
        var region = new RegionResolver(files).Resolve();
        Assert.Equal("eu-west-3", region);
        Assert.Equal(new Uri("http://127.0.0.1:9000"), new EndpointResolver(files, "CloudTrail", "cloudtrail").Resolve(region));
        Assert.Equal("p", files.ProfileName);
    }
}
