using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;

namespace CloudTrailSdk.Runtime.Config;

/// <summary>
/// Finds a service's endpoint as AWS SDKs do: explicit → <c>AWS_ENDPOINT_URL_&lt;SERVICE_ID&gt;</c> → <c>AWS_ENDPOINT_URL</c> →
/// the profile's <c>services</c> section entry for the service → the profile's <c>endpoint_url</c> →
/// <c>https://{endpointPrefix}.{region}.amazonaws.com</c> (<c>.amazonaws.com.cn</c> for <c>cn-</c> regions).
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c> (or the profile's <c>ignore_configured_endpoint_urls = true</c>) skips the environment and profile sources.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EndpointResolver
{
    /// <summary>The global endpoint override variable.</summary>
    public const string EndpointUrlVariable = "AWS_ENDPOINT_URL";

    /// <summary>The variable that disables configured (environment and profile) endpoints.</summary>
    public const string IgnoreConfiguredEndpointsVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    private readonly SharedConfigFiles _files;

    /// <summary>Creates a resolver reading <paramref name="environment"/>.</summary>
    /// <param name="environment">Where variables and the home directory come from.</param>
    /// <param name="serviceId">The service id from the model, e.g. <c>CloudTrail</c>.</param>
    /// <param name="endpointPrefix">The endpoint prefix from the model, e.g. <c>cloudtrail</c>.</param>
    /// <param name="profileName">Overrides <c>AWS_PROFILE</c>.</param>
    public EndpointResolver(IEnvironment environment, string serviceId, string endpointPrefix, string? profileName = null)
        : this(new SharedConfigFiles(environment, profileName), serviceId, endpointPrefix)
    {
    }

    /// <summary>Creates a resolver sharing already-located files.</summary>
    public EndpointResolver(SharedConfigFiles files, string serviceId, string endpointPrefix)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointPrefix);
        _files = files;
        ServiceId = serviceId;
        EndpointPrefix = endpointPrefix;
        ServiceEndpointVariable = EndpointUrlVariable + "_" + serviceId.Trim().Replace(' ', '_').ToUpperInvariant();
        ServicesSectionKey = serviceId.Trim().Replace(' ', '_').ToLowerInvariant();
    }

    /// <summary>The model's service id.</summary>
    public string ServiceId { get; }

    /// <summary>The model's endpoint prefix.</summary>
    public string EndpointPrefix { get; }

    /// <summary>The service-specific variable, e.g. <c>AWS_ENDPOINT_URL_CLOUDTRAIL</c>.</summary>
    public string ServiceEndpointVariable { get; }

    /// <summary>The key naming this service inside a <c>[services …]</c> section, e.g. <c>cloudtrail</c>.</summary>
    public string ServicesSectionKey { get; }

    /// <summary>Resolves the endpoint for <paramref name="region"/>.</summary>
    /// <exception cref="AwsConfigurationException">A configured URL is invalid (the message names its source), or the region is malformed.</exception>
    public Uri Resolve(string region, string? explicitEndpoint = null) => ResolveWithSource(region, explicitEndpoint).Value;

    /// <summary>Resolves the endpoint and reports which source supplied it.</summary>
    /// <exception cref="AwsConfigurationException">A configured URL is invalid, or the region is malformed.</exception>
    public Resolved<Uri> ResolveWithSource(string region, string? explicitEndpoint = null)
    {
        if (explicitEndpoint is not null)
        {
            return new Resolved<Uri>(ParseEndpoint(explicitEndpoint, "explicit endpoint"), "explicit endpoint");
        }

        if (!IgnoreConfiguredEndpoints())
        {
            var env = _files.Environment;
            foreach (var variable in new[] { ServiceEndpointVariable, EndpointUrlVariable })
            {
                var value = SharedConfigFiles.NonEmpty(env.GetVariable(variable));
                if (value is not null)
                {
                    return new Resolved<Uri>(ParseEndpoint(value, variable), variable);
                }
            }

            var profile = _files.ConfigProfile;
            var servicesName = profile?.Get("services");
            if (servicesName is not null
                && _files.ConfigFile!.Services.TryGetValue(servicesName, out var services)
                && services.SubSections.TryGetValue(ServicesSectionKey, out var serviceSettings)
                && serviceSettings.TryGetValue("endpoint_url", out var serviceUrl)
                && !string.IsNullOrWhiteSpace(serviceUrl))
            {
                var source = $"[services {servicesName}] {ServicesSectionKey}.endpoint_url in {_files.ConfigFilePath}";
                return new Resolved<Uri>(ParseEndpoint(serviceUrl, source), source);
            }

            var profileUrl = profile?.Get("endpoint_url");
            if (profileUrl is not null)
            {
                var source = $"endpoint_url of profile '{_files.ProfileName}' in {_files.ConfigFilePath}";
                return new Resolved<Uri>(ParseEndpoint(profileUrl, source), source);
            }
        }

        return new Resolved<Uri>(DefaultEndpoint(EndpointPrefix, region), "default endpoint");
    }

    /// <summary>
    /// <c>https://{endpointPrefix}.{region}.amazonaws.com</c>, or <c>.amazonaws.com.cn</c> for regions starting with <c>cn-</c>.
    /// </summary>
    /// <exception cref="AwsConfigurationException">The region is malformed.</exception>
    public static Uri DefaultEndpoint(string endpointPrefix, string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointPrefix);
        RegionResolver.Validate(region, "the region passed to the endpoint resolver");
        var suffix = region.StartsWith("cn-", StringComparison.OrdinalIgnoreCase) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"https://{endpointPrefix}.{region.ToLowerInvariant()}.{suffix}"), UriKind.Absolute);
    }

    /// <summary>Parses an endpoint URL, requiring an absolute <c>http</c>/<c>https</c> URL with a host and no query or fragment.</summary>
    /// <param name="value">The URL text.</param>
    /// <param name="source">Where it came from, named in the error.</param>
    /// <exception cref="AwsConfigurationException">The URL is invalid.</exception>
    public static Uri ParseEndpoint(string value, string source)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        string? problem = null;
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri))
        {
            problem = "it is not an absolute URL (expected e.g. 'https://cloudtrail.us-east-1.amazonaws.com')";
        }
        else if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            problem = $"the scheme must be http or https, not '{uri.Scheme}'";
        }
        else if (string.IsNullOrEmpty(uri.Host))
        {
            problem = "it has no host";
        }
        else if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problem = "it must not have a query string or fragment";
        }

        if (problem is not null)
        {
            throw new AwsConfigurationException($"Endpoint URL '{value}' from {source} is invalid: {problem}.");
        }

        return uri!;
    }

    private bool IgnoreConfiguredEndpoints()
    {
        var fromEnv = ConfigValue.ParseBoolean(_files.Environment.GetVariable(IgnoreConfiguredEndpointsVariable), IgnoreConfiguredEndpointsVariable);
        if (fromEnv is not null)
        {
            return fromEnv.Value;
        }

        var profile = _files.ConfigProfile;
        return ConfigValue.ParseBoolean(
            profile?.Get("ignore_configured_endpoint_urls"),
            $"ignore_configured_endpoint_urls of profile '{_files.ProfileName}' in {_files.ConfigFilePath}") ?? false;
    }
}
