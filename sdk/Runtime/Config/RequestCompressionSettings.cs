using System;
using System.Globalization;

namespace CloudTrailSdk.Runtime.Config;

/// <summary>
/// Request compression as every AWS SDK resolves it, first set source wins: the client options, then
/// <c>AWS_DISABLE_REQUEST_COMPRESSION</c> / <c>AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES</c>, then the profile's
/// <c>disable_request_compression</c> / <c>request_min_compression_size_bytes</c>; else on, from 10240 bytes.
/// </summary>
internal sealed class RequestCompressionSettings
{
    /// <summary>The environment variable that turns compression off.</summary>
    public const string DisableVariable = "AWS_DISABLE_REQUEST_COMPRESSION";

    /// <summary>The environment variable for the minimum size.</summary>
    public const string MinSizeVariable = "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES";

    /// <summary>The shared-config key that turns compression off.</summary>
    public const string DisableKey = "disable_request_compression";

    /// <summary>The shared-config key for the minimum size.</summary>
    public const string MinSizeKey = "request_min_compression_size_bytes";

    /// <summary>The minimum size when nothing sets one.</summary>
    public const int DefaultMinSizeBytes = 10240;

    /// <summary>The largest minimum size AWS SDKs accept (10 MiB).</summary>
    public const int LargestMinSizeBytes = 10485760;

    public RequestCompressionSettings(bool disabled, int minSizeBytes)
    {
        Disabled = disabled;
        MinSizeBytes = minSizeBytes;
    }

    /// <summary>Compression is off, whatever the operation's trait says.</summary>
    public bool Disabled { get; }

    /// <summary>Bodies this size or larger are compressed.</summary>
    public int MinSizeBytes { get; }

    /// <summary>Resolves both settings; a malformed or out-of-range value fails naming where it came from.</summary>
    /// <exception cref="AwsConfigurationException">A value is not a boolean, or the size is not in 0..10485760.</exception>
    public static RequestCompressionSettings Resolve(bool? disable, int? minSizeBytes, IEnvironment environment, string? profile)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var files = new Lazy<SharedConfigFiles>(() => new SharedConfigFiles(environment, profile));
        var disabled = disable
            ?? ConfigValue.ParseBoolean(environment.GetVariable(DisableVariable), DisableVariable)
            ?? ConfigValue.ParseBoolean(files.Value.GetConfigValue(DisableKey, out _), DisableKey + " of the profile")
            ?? false;

        int size;
        if (minSizeBytes is { } explicitSize)
        {
            size = explicitSize is >= 0 and <= LargestMinSizeBytes
                ? explicitSize
                : throw new AwsConfigurationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{nameof(AwsClientOptions)}.{nameof(AwsClientOptions.RequestMinCompressionSizeBytes)} must be between 0 and {LargestMinSizeBytes} bytes, but is {explicitSize}."));
        }
        else
        {
            size = ConfigValue.ReadInt32(environment, MinSizeVariable, 0, LargestMinSizeBytes)
                ?? ConfigValue.ParseInt32(files.Value.GetConfigValue(MinSizeKey, out _), MinSizeKey + " of the profile", 0, LargestMinSizeBytes)
                ?? DefaultMinSizeBytes;
        }

        return new RequestCompressionSettings(disabled, size);
    }
}
