using System;
using System.Collections.Generic;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Runtime.Retry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudTrailSdk.Extensions.Tests;

[Trait("Category", "Unit")]
public sealed class ConfigurationBindingTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values)
    {
        var data = new Dictionary<string, string?>();
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(data).Build();
    }

    private static AwsClientOptions Bound(IConfiguration configuration, Action<AwsClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddCloudTrailClient(configuration, configure);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<AwsClientOptions>>().Get(CloudTrailServiceCollectionExtensions.HttpClientName);
    }

    [Fact]
    public void The_AWS_section_sets_region_profile_endpoint_and_retries()
    {
        var options = Bound(Config(
            ("AWS:Region", "eu-west-1"),
            ("AWS:Profile", "dev"),
            ("AWS:ServiceURL", "http://127.0.0.1:4566"),
            ("AWS:MaxErrorRetry", "4"),
            ("AWS:RetryMode", "adaptive"),
            ("AWS:Timeout", "30"),
            ("AWS:AttemptTimeout", "00:00:05"),
            ("AWS:SomethingElse", "ignored")));

        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal("dev", options.Profile);
        Assert.Equal("http://127.0.0.1:4566/", options.Endpoint);
        Assert.Equal(5, options.Retry.MaxAttempts);
        Assert.Equal(AwsRetryMode.Adaptive, options.Retry.Mode);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
    }

    [Fact]
    public void DefaultClientConfig_is_read_and_code_wins_over_configuration()
    {
        var options = Bound(
            Config(("AWS:Region", "eu-west-1"), ("AWS:DefaultClientConfig:ServiceURL", "https://proxy.example/"), ("AWS:DefaultClientConfig:MaxErrorRetry", "1")),
            o => o.Region = "us-east-2");

        Assert.Equal("us-east-2", options.Region);
        Assert.Equal("https://proxy.example/", options.Endpoint);
        Assert.Equal(2, options.Retry.MaxAttempts);
    }

    [Fact]
    public void Any_section_can_be_passed_and_an_empty_one_changes_nothing()
    {
        var options = Bound(Config(("CloudTrail:Region", "ap-south-1")).GetSection("CloudTrail"));
        Assert.Equal("ap-south-1", options.Region);

        var untouched = Bound(Config());
        Assert.Null(untouched.Region);
        Assert.Null(untouched.Endpoint);
        Assert.Null(untouched.Retry.MaxAttempts);
    }

    [Theory]
    [InlineData("AWS:Region", "eu west 1", "from AWS:Region is invalid")]
    [InlineData("AWS:ServiceURL", "ftp://x", "from AWS:ServiceURL is invalid")]
    [InlineData("AWS:MaxErrorRetry", "many", "configuration AWS:MaxErrorRetry must be a whole number")]
    [InlineData("AWS:RetryMode", "turbo", "configuration AWS:RetryMode must be 'standard' or 'adaptive'")]
    [InlineData("AWS:Timeout", "soon", "configuration AWS:Timeout must be a positive number of seconds")]
    public void Bad_values_name_their_configuration_path(string key, string value, string fragment)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => Bound(Config((key, value))));
        Assert.Contains(fragment, error.Message);
    }
}
