using System;
using System.Collections.Generic;

namespace CloudTrailSdk.Fake.Hosting;

/// <summary>Where a Kestrel-hosted fake listens, and which fake it serves.</summary>
public sealed class FakeCloudTrailHostOptions
{
    /// <summary>The loopback address on a port the OS picks: tests running side by side never collide.</summary>
    public const string EphemeralLoopbackUrl = "http://127.0.0.1:0";

    /// <summary>The URLs to listen on (Kestrel syntax, e.g. <c>http://127.0.0.1:4566</c>; port 0 picks a free port).</summary>
    public IReadOnlyList<string> Urls { get; init; } = new[] { EphemeralLoopbackUrl };

    /// <summary>The fake to serve; a new one built from <see cref="FakeOptions"/> when null.</summary>
    public FakeCloudTrail? Fake { get; init; }

    /// <summary>How a new fake behaves when <see cref="Fake"/> is null.</summary>
    public FakeCloudTrailOptions FakeOptions { get; init; } = new();
}
