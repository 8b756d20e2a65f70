using System;
using System.Collections.Generic;

namespace CloudTrailSdk;

/// <summary>
/// Configuration (credentials, region, endpoint, settings) could not be resolved or is invalid.
/// When resolution failed, <see cref="Attempts"/> lists every source tried and why it did not supply a value.
/// </summary>
public class AwsConfigurationException : Exception
{
    /// <summary>Creates the exception with a message and no attempt list.</summary>
    public AwsConfigurationException(string message)
        : this(message, Array.Empty<string>(), null)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public AwsConfigurationException(string message, Exception? innerException)
        : this(message, Array.Empty<string>(), innerException)
    {
    }

    /// <summary>Creates the exception for a failed resolution; the message should already mention the attempts.</summary>
    public AwsConfigurationException(string message, IReadOnlyList<string> attempts, Exception? innerException = null)
        : base(message, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>Each source tried, in order, with the reason it supplied nothing (empty when not a resolution failure).</summary>
    public IReadOnlyList<string> Attempts { get; }

    internal static AwsConfigurationException NotResolved(string what, IReadOnlyList<string> attempts) =>
        new($"Unable to resolve {what}. Sources tried, in order: {string.Join("; ", attempts)}.", attempts);
}

/// <summary>A shared config or credentials file is malformed; <see cref="FilePath"/> and <see cref="LineNumber"/> say where.</summary>
public sealed class AwsConfigFileException : AwsConfigurationException
{
    /// <summary>Creates the exception.</summary>
    public AwsConfigFileException(string filePath, int lineNumber, string reason)
        : base($"{filePath}, line {lineNumber}: {reason}")
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The file that is malformed.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line number of the offending line.</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong with the line.</summary>
    public string Reason { get; }
}
