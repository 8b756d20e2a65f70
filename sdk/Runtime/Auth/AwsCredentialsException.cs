using System;
using System.Collections.Generic;
using CloudTrailSdk.Runtime.Config;

namespace CloudTrailSdk;

/// <summary>
/// A credentials source was configured but could not supply credentials (an STS error, an unreachable metadata
/// endpoint, an expired SSO token, a failing <c>credential_process</c>…). <see cref="CredentialSource"/> names the source; the
/// message never contains a secret, a session token or a web identity token.
/// </summary>
public sealed class AwsCredentialsException : AwsConfigurationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The source that failed, e.g. <c>IMDSv2 (http://169.254.169.254)</c>.</param>
    /// <param name="reason">Why, without secrets.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public AwsCredentialsException(string source, string reason, Exception? innerException = null)
        : base("Could not get AWS credentials from " + source + ": " + reason, innerException)
    {
        CredentialSource = source;
        Reason = reason;
    }

    /// <summary>Creates the exception for the last source of the default chain, listing the sources tried before it.</summary>
    internal AwsCredentialsException(string source, string reason, IReadOnlyList<string> attempts, Exception? innerException)
        : base(
            "Could not get AWS credentials. Sources tried, in order: " + string.Join("; ", attempts) + "; " + source + ": " + reason,
            attempts,
            innerException)
    {
        CredentialSource = source;
        Reason = reason;
    }

    /// <summary>The credentials source that failed.</summary>
    public string CredentialSource { get; }

    /// <summary>Why the source failed, without the source's name.</summary>
    public string Reason { get; }
}
