using System;
using System.Diagnostics;
using System.Globalization;

namespace CloudTrailSdk;

/// <summary>
/// An AWS access key pair, optionally with a session token for temporary credentials.
/// <see cref="ToString"/> and the debugger display never reveal the secret or the session token.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class AwsCredentials
{
    /// <summary>Creates credentials. The access key id and secret must be non-empty; an empty session token is treated as none.</summary>
    /// <exception cref="ArgumentException">The access key id or the secret access key is null, empty or whitespace.</exception>
    /// <param name="accessKeyId">The access key id.</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">The session token of temporary credentials.</param>
    /// <param name="expiration">When temporary credentials stop working; <see langword="null"/> for long-term keys.</param>
    public AwsCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null, DateTimeOffset? expiration = null)
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
        Expiration = expiration;
    }

    /// <summary>When these credentials stop working (temporary credentials), or <see langword="null"/> when they do not expire.</summary>
    public DateTimeOffset? Expiration { get; }

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
        (SessionToken is null
            ? $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***"
            : $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = ***")
        + (Expiration is { } expires ? ", Expiration = " + expires.ToString("O", CultureInfo.InvariantCulture) + " }" : " }");
}
