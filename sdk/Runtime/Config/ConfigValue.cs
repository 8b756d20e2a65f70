using System;
using System.ComponentModel;
using System.Globalization;

namespace CloudTrailSdk.Runtime.Config;

/// <summary>Parses scalar settings (such as <c>AWS_MAX_ATTEMPTS</c>) with errors that name the source and the accepted range.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConfigValue
{
    /// <summary>The retry-attempts variable.</summary>
    public const string MaxAttemptsVariable = "AWS_MAX_ATTEMPTS";

    /// <summary>The retry-mode variable.</summary>
    public const string RetryModeVariable = "AWS_RETRY_MODE";

    /// <summary>Parses a retry mode (<c>standard</c> or <c>adaptive</c>, case-insensitive; <c>legacy</c> is read as standard, its successor); <see langword="null"/> when unset.</summary>
    /// <exception cref="AwsConfigurationException">The value is not a known mode.</exception>
    public static AwsRetryMode? ParseRetryMode(string? raw, string source)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        return raw.Trim().ToLowerInvariant() switch
        {
            "standard" or "legacy" => AwsRetryMode.Standard,
            "adaptive" => AwsRetryMode.Adaptive,
            _ => throw new AwsConfigurationException($"{source} must be 'standard' or 'adaptive', but is '{raw}'."),
        };
    }

    /// <summary>Reads an integer environment variable; <see langword="null"/> when unset or empty.</summary>
    /// <exception cref="AwsConfigurationException">The value is not an integer in [<paramref name="minValue"/>, <paramref name="maxValue"/>].</exception>
    public static int? ReadInt32(IEnvironment environment, string variable, int minValue = int.MinValue, int maxValue = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return ParseInt32(environment.GetVariable(variable), variable, minValue, maxValue);
    }

    /// <summary>Parses an integer setting; <see langword="null"/> when <paramref name="raw"/> is null, empty or whitespace.</summary>
    /// <param name="raw">The text.</param>
    /// <param name="source">Where it came from (e.g. <c>AWS_MAX_ATTEMPTS</c>), named in the error.</param>
    /// <param name="minValue">Smallest accepted value.</param>
    /// <param name="maxValue">Largest accepted value.</param>
    /// <exception cref="AwsConfigurationException">The value is not an integer in range.</exception>
    public static int? ParseInt32(string? raw, string source, int minValue = int.MinValue, int maxValue = int.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < minValue || value > maxValue)
        {
            throw new AwsConfigurationException(string.Create(
                CultureInfo.InvariantCulture,
                $"{source} must be a whole number between {minValue} and {maxValue}, but is '{raw}'."));
        }

        return value;
    }

    /// <summary>Parses a boolean setting (<c>true</c>/<c>false</c>, case-insensitive); <see langword="null"/> when unset.</summary>
    /// <exception cref="AwsConfigurationException">The value is neither <c>true</c> nor <c>false</c>.</exception>
    public static bool? ParseBoolean(string? raw, string source)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw new AwsConfigurationException($"{source} must be 'true' or 'false', but is '{raw}'.");
    }
}
