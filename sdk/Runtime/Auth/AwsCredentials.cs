using System;
using System.Diagnostics;

namespace CloudTrailSdk.Runtime.Auth;

/// <summary>
/// An AWS access key pair, optionally with a session token for temporary credentials.
/// <see cref="ToString"/> and the debugger display never reveal the secret or the session token.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class AwsCredentials
{
    /// <summary>Creates credentials. The access key id and secret must be non-empty; an empty session token is treated as none.</summary>
    /// <exception cref="ArgumentException">The access key id or the secret access key is null, empty or whitespace.</exception>
    public AwsCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null)
    {
        if (string.IsNullOrWhiteSpace(accessKeyId))
        {
            throw new ArgumentException("The access key id must not be empty.", nameof(accessKeyId));
        }

        if (string.IsNullOrWhiteSpace(secretAccessKey))
        {
            throw new ArgumentException("The secret access key must not be empty.", nameof(secretAccessKey));
        }

        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
    }

    /// <summary>The access key id (not secret; it appears in every signed request).</summary>
    public string AccessKeyId { get; }

    /// <summary>The secret access key. Never logged, never shown by <see cref="ToString"/> or the debugger.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string SecretAccessKey { get; }

    /// <summary>The session token of temporary credentials, or <see langword="null"/>. Never shown by <see cref="ToString"/> or the debugger.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? SessionToken { get; }

    /// <summary>Shows the access key id only; the secret and any session token are masked as <c>***</c>.</summary>
    public override string ToString() =>
        SessionToken is null
            ? $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = *** }}"
            : $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = *** }}";
}
