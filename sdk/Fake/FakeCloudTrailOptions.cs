using System;
using System.Collections.Generic;
using CloudTrailSdk.Runtime.Auth;

namespace CloudTrailSdk.Fake;

/// <summary>How a fake CloudTrail behaves: its clock, where unsigned calls land, who owns which access key, and whether it checks signatures.</summary>
public sealed class FakeCloudTrailOptions
{
    /// <summary>The fake's clock: event times, logging times and the 90-day lookup window follow it.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The region for calls whose signature names none (unsigned calls).</summary>
    public string DefaultRegion { get; init; } = FakeCloudTrailServer.DefaultRegion;

    /// <summary>The account for access keys <see cref="Accounts"/> does not map.</summary>
    public string DefaultAccountId { get; init; } = FakeCloudTrailServer.DefaultAccountId;

    /// <summary>Access key id to account id: two keys mapped to different accounts see different trails and events.</summary>
    public IReadOnlyDictionary<string, string> Accounts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// When not empty, every call must be SigV4-signed with one of these credentials, as AWS requires; when empty (the default)
    /// any well-formed signature is accepted, so tests need no real secrets.
    /// </summary>
    public IReadOnlyList<AwsCredentials> KnownCredentials { get; init; } = Array.Empty<AwsCredentials>();
}
