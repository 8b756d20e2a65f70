using System;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Opt-in trouble for users' resilience tests: extra latency on every call, and a share of calls that fail as a busy AWS
/// service fails. Faults strike before the operation runs, so a failed call changes nothing and records nothing.
/// </summary>
public sealed class FakeFaults
{
    /// <summary>No faults (the default).</summary>
    public static FakeFaults None { get; } = new();

    /// <summary>The share of calls, 0 to 1, that fail with <see cref="ErrorCode"/>.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Added to every call before it runs.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The error a failing call answers with; AWS's own transient fault by default.</summary>
    public string ErrorCode { get; init; } = "InternalFailure";

    /// <summary>The HTTP status of <see cref="ErrorCode"/>.</summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>Seeds the choice of failing calls, so a test run can be repeated exactly; null for a different choice each run.</summary>
    public int? Seed { get; init; }

    internal bool IsActive => ErrorRate > 0 || Latency > TimeSpan.Zero;
}
