using System;
using System.Net.Http;
using CloudTrailSdk;
using CloudTrailSdk.Extensions;
using CloudTrailSdk.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the DI namespace, as Microsoft's own Add* methods are, so `services.AddCloudTrailClient` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the CloudTrail client with dependency injection.</summary>
public static class CloudTrailServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient (and of the options) the client uses.</summary>
    public const string HttpClientName = "CloudTrailSdk";

    /// <summary>
    /// Registers <see cref="ICloudTrailClient"/> and <see cref="CloudTrailClient"/> as one singleton, so every consumer shares
    /// its LookupEvents pacing bucket and retry quota. Each attempt takes an HttpClient from IHttpClientFactory (named
    /// <see cref="HttpClientName"/>), so handler rotation still works for the long-lived client; logging goes to ILogger
    /// category <c>CloudTrailSdk</c> unless <see cref="AwsClientOptions.Log"/> is set.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets options; anything left unset is resolved from the environment and shared config files.</param>
    /// <returns>The HttpClient builder, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddCloudTrailClient(this IServiceCollection services, Action<AwsClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AwsClientOptions>(HttpClientName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // After the user's configuration, fill in what only the container knows.
        options.PostConfigure<IHttpClientFactory, ILoggerFactory>(static (o, factory, loggers) =>
        {
            o.HttpClientFactory ??= () => factory.CreateClient(HttpClientName);
            o.Log ??= AwsLogBridge.To(loggers.CreateLogger(AwsLogBridge.Category));
        });

        var builder = services.AddHttpClient(HttpClientName);
        services.TryAddSingleton(static provider =>
            new CloudTrailClient(httpClient: null, provider.GetRequiredService<IOptionsMonitor<AwsClientOptions>>().Get(HttpClientName)));
        services.TryAddSingleton<ICloudTrailClient>(static provider => provider.GetRequiredService<CloudTrailClient>());
        return builder;
    }

    /// <summary>
    /// Registers the client with settings from configuration, in the layout of AWS's own .NET integration:
    /// <c>{ "AWS": { "Region": "eu-west-1", "Profile": "dev", "ServiceURL": "http://127.0.0.1:4566", "MaxErrorRetry": 4, "RetryMode": "adaptive" } }</c>
    /// (see <see cref="AwsConfigurationSection"/>). Pass the root configuration (its <c>AWS</c> section is read) or any
    /// section. <paramref name="configure"/> runs after the binding, so code wins over configuration.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The root configuration, or the section to read.</param>
    /// <param name="configure">Further settings, applied after the configuration.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddCloudTrailClient(this IServiceCollection services, IConfiguration configuration, Action<AwsClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration is IConfigurationSection named ? named : configuration.GetSection(AwsConfigurationSection.DefaultSectionName);
        return services.AddCloudTrailClient(o =>
        {
            AwsConfigurationSection.Apply(section, o);
            configure?.Invoke(o);
        });
    }
}
