using System;
using System.Globalization;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Runtime.Retry;
using Microsoft.Extensions.Configuration;

namespace CloudTrailSdk.Extensions;

/// <summary>
/// Reads an <c>AWS</c> configuration section in the layout AWSSDK.Extensions.NETCore.Setup uses (so an existing
/// <c>appsettings.json</c> works unchanged): <c>Region</c>, <c>Profile</c>, <c>ServiceURL</c> (also under
/// <c>DefaultClientConfig</c>), <c>MaxErrorRetry</c> (retries) or <c>MaxAttempts</c> (attempts), <c>RetryMode</c>,
/// <c>Timeout</c> and <c>AttemptTimeout</c> (seconds or <c>hh:mm:ss</c>). Read by hand rather than with the reflection
/// binder, so it stays trim- and AOT-safe. Keys it does not know are left alone.
/// </summary>
public static class AwsConfigurationSection
{
    /// <summary>The section name AWS's own .NET integration reads.</summary>
    public const string DefaultSectionName = "AWS";

    /// <summary>Copies the section's settings onto <paramref name="options"/>; unset keys leave options unchanged.</summary>
    /// <exception cref="AwsConfigurationException">A value is malformed; the message names its configuration path.</exception>
    public static void Apply(IConfiguration section, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var client = section.GetSection("DefaultClientConfig");

        if ((Text(section, "Region") ?? Text(client, "RegionEndpoint")) is { } region)
        {
            RegionResolver.Validate(region, PathOf(section, "Region"));
            options.Region = region;
        }

        if (Text(section, "Profile") is { } profile)
        {
            options.Profile = profile;
        }

        if ((Text(section, "ServiceURL") is { } url ? (url, PathOf(section, "ServiceURL")) : Text(client, "ServiceURL") is { } clientUrl ? (clientUrl, PathOf(client, "ServiceURL")) : default) is ({ } endpoint, { } where))
        {
            options.Endpoint = EndpointResolver.ParseEndpoint(endpoint, where).AbsoluteUri;
        }

        var retry = options.Retry ??= new();
        if ((Int(section, "MaxAttempts", 1) ?? Int(client, "MaxAttempts", 1)) is { } attempts)
        {
            retry.MaxAttempts = attempts;
        }
        else if ((Int(section, "MaxErrorRetry", 0) ?? Int(client, "MaxErrorRetry", 0)) is { } retries)
        {
            retry.MaxAttempts = retries + 1;
        }

        if ((Text(section, "RetryMode") ?? Text(client, "RetryMode")) is { } mode)
        {
            retry.Mode = ConfigValue.ParseRetryMode(mode, "configuration " + PathOf(section, "RetryMode"));
        }

        if ((Duration(section, "Timeout") ?? Duration(client, "Timeout")) is { } timeout)
        {
            options.Timeout = timeout;
        }

        if (Duration(section, "AttemptTimeout") is { } attemptTimeout)
        {
            options.AttemptTimeout = attemptTimeout;
        }
    }

    private static string PathOf(IConfiguration section, string key) =>
        section is IConfigurationSection named ? named.Path + ":" + key : key;

    private static string? Text(IConfiguration section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int? Int(IConfiguration section, string key, int min) =>
        ConfigValue.ParseInt32(Text(section, key), "configuration " + PathOf(section, key), min, 100);

    private static TimeSpan? Duration(IConfiguration section, string key)
    {
        if (Text(section, key) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        throw new AwsConfigurationException($"configuration {PathOf(section, key)} must be a positive number of seconds or a time span such as 00:00:30, but is '{text}'.");
    }
}
