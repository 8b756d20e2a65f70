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
    public string DefaultRegion { get; init; } = FakeCloudTrail.DefaultRegion;

    /// <summary>The account for access keys <see cref="Accounts"/> does not map.</summary>
    public string DefaultAccountId { get; init; } = FakeCloudTrail.DefaultAccountId;

    /// <summary>Access key id to account id: two keys mapped to different accounts see different trails and events.</summary>
    public IReadOnlyDictionary<string, string> Accounts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// When not empty, every call must be SigV4-signed with one of these credentials, as AWS requires; when empty (the default)
    /// any well-formed signature is accepted, so tests need no real secrets.
    /// </summary>
    public IReadOnlyList<AwsCredentials> KnownCredentials { get; init; } = Array.Empty<AwsCredentials>();

    /// <summary>
    /// When true, operations with a documented rate (LookupEvents: 2 requests per second per account and region) answer
    /// <c>ThrottlingException</c> beyond it, as CloudTrail does, so users can test their backoff. Off by default, so tests
    /// that do not care are never throttled.
    /// </summary>
    public bool EmulateThrottling { get; init; }

    /// <summary>
    /// When set, state is kept in this directory across restarts: each acknowledged change is flushed to a journal there
    /// before its answer is sent, and replayed on start. Null (the default) keeps everything in memory only.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>Latency and errors injected into calls, for resilience tests; none by default.</summary>
    public FakeFaults Faults { get; init; } = FakeFaults.None;

    /// <summary>
    /// The most events kept per account and region, management and insight events each; the oldest go first, and none
    /// older than CloudTrail's 90-day window before the newest is kept. 50,000 by default, so a fake under sustained load
    /// stays within a fixed amount of memory (about 1 KB per event).
    /// </summary>
    public int MaxEventsPerRegion { get; init; } = FakeCloudTrail.DefaultMaxEventsPerRegion;

    /// <summary>The largest request body accepted, 4 MiB by default; a larger one answers HTTP 413 <c>RequestEntityTooLargeException</c>.</summary>
    public long MaxRequestBodyBytes { get; init; } = FakeCloudTrail.DefaultMaxRequestBodyBytes;

    /// <summary>
    /// How long an event data store shows STARTING_INGESTION or STOPPING_INGESTION after ingestion is started or stopped,
    /// on <see cref="TimeProvider"/>'s clock; one second by default.
    /// </summary>
    public TimeSpan LakeTransitionTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Lake queries running or queued at once per account and region; StartQuery beyond it answers MaxConcurrentQueriesException.</summary>
    public int MaxConcurrentQueries { get; init; } = 10;

    /// <summary>
    /// The most events an event data store keeps; the oldest go first. 1,000,000 by default (a few hundred MB in the
    /// embedded engine), so a fake under load with a store stays within fixed memory.
    /// </summary>
    public int MaxEventsPerEventDataStore { get; init; } = 1_000_000;

    /// <summary>How long a Lake query may run before it ends TIMED_OUT; ten minutes by default.</summary>
    public TimeSpan LakeQueryTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The organization the fake's accounts belong to, for organization trails, organization event data stores and
    /// delegated administrators. Null (the default): no organization, and those calls answer as AWS answers an account
    /// outside one (OrganizationsNotInUseException).
    /// </summary>
    public FakeOrganization? Organization { get; init; }

    /// <summary>
    /// What GenerateQuery answers, prompt to SQL: the fake has no language model. A prompt matches ignoring case and
    /// runs of white space. In the SQL, <c>$EDS_ID</c> stands for the id of the event data store the call names. A prompt
    /// not registered answers GenerateResponseException.
    /// </summary>
    public IReadOnlyDictionary<string, string> GeneratedQueries { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The fake's stand-in for S3 in StartImport: an <c>s3://bucket/prefix</c> location to the local folder that holds its
    /// CloudTrail log files. An import from a location no entry covers answers InvalidImportSourceException. Empty by default.
    /// </summary>
    public IReadOnlyDictionary<string, string> ImportSources { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>What is wrong with one <see cref="ImportSources"/> entry, or null when it is usable: the check the fake makes at start.</summary>
    public static string? ImportSourceProblem(string location, string folder) => ImportSourceMap.Problem(location, folder);

    internal void Check()
    {
        if (MaxEventsPerRegion < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEventsPerRegion), MaxEventsPerRegion, "MaxEventsPerRegion must be at least 1.");
        }

        if (MaxEventsPerEventDataStore < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEventsPerEventDataStore), MaxEventsPerEventDataStore, "MaxEventsPerEventDataStore must be at least 1.");
        }

        if (MaxRequestBodyBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestBodyBytes), MaxRequestBodyBytes, "MaxRequestBodyBytes must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Accounts);
        ArgumentNullException.ThrowIfNull(KnownCredentials);
        ArgumentNullException.ThrowIfNull(Faults);
        Organization?.Check();
        ArgumentNullException.ThrowIfNull(GeneratedQueries);
        GeneratedQueryCatalog.Check(GeneratedQueries);
        ArgumentNullException.ThrowIfNull(ImportSources);
        foreach (var (location, folder) in ImportSources)
        {
            if (ImportSourceProblem(location, folder) is { } problem)
            {
                throw new ArgumentException("ImportSources: " + problem, nameof(ImportSources));
            }
        }
    }
}
