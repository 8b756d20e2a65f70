using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Net.Http;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Pacing;
using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Fake;

/// <summary>
/// A fake AWS CloudTrail, in memory. It puts the layers together: the HTTP front (<see cref="HandleAsync"/>), the
/// behaviour of each operation (requests are read and validated by the same generated code as the client's), and the
/// state store, bounded and optionally journaled to disk. Every call made to it is recorded as the CloudTrail
/// management event AWS would record, which LookupEvents then finds. Give it to a <see cref="FakeCloudTrailHandler"/>
/// for in-process tests, or to the Kestrel host for real sockets.
/// </summary>
public sealed class FakeCloudTrail : IDisposable
{
    /// <summary>The account used when a caller's access key maps to no other.</summary>
    public const string DefaultAccountId = "123456789012";

    /// <summary>The region used for unsigned calls.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>CloudTrail's limit on tags per resource.</summary>
    public const int MaxTagsPerResource = TagBehaviour.MaxTagsPerResource;

    /// <summary>The default bound on events kept per account and region (<see cref="FakeCloudTrailOptions.MaxEventsPerRegion"/>).</summary>
    public const int DefaultMaxEventsPerRegion = 50_000;

    /// <summary>The default limit on request bodies (<see cref="FakeCloudTrailOptions.MaxRequestBodyBytes"/>): 4 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 4 * 1024 * 1024;

    private readonly FakeStore _store;
    private readonly CloudTrailBehaviour _behaviour;
    private readonly FakeHttpFront _front;
    private readonly LogSeeder _seeder;

    /// <summary>Creates an empty fake.</summary>
    public FakeCloudTrail(TimeProvider? timeProvider = null)
        : this(new FakeCloudTrailOptions { TimeProvider = timeProvider ?? TimeProvider.System })
    {
    }

    /// <summary>Creates an empty fake that behaves as <paramref name="options"/> say.</summary>
    public FakeCloudTrail(FakeCloudTrailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        Options = options;
        _store = new FakeStore(options.MaxEventsPerRegion);
        _behaviour = new CloudTrailBehaviour(_store, options);
        _front = new FakeHttpFront(_behaviour, options);
        _seeder = new LogSeeder(_store, options, () => _behaviour.Journal, _behaviour.Ingest);
        if (options.DataDirectory is { } directory)
        {
            _behaviour.Journal = EventJournal.Open(directory, _behaviour, _store);
        }
    }

    /// <summary>How this fake was configured.</summary>
    public FakeCloudTrailOptions Options { get; }

    /// <summary>The fake's clock: event times and the 90-day lookup window follow it.</summary>
    public TimeProvider TimeProvider => Options.TimeProvider;

    /// <summary>The content type of the fake's answers.</summary>
    public string ContentType => _front.ContentType;

    /// <summary>
    /// A client wired to this fake in-process: no sockets, dummy credentials, and pacing off, since a fake needs no
    /// protection from throttling and paced LookupEvents pages would slow tests to 2 per second. The client shares the
    /// fake's clock. Dispose the client when done; the fake is not disposed with it.
    /// </summary>
    public CloudTrailClient CreateClient(string region = DefaultRegion) =>
        new(new HttpClient(new FakeCloudTrailHandler(this)), new AwsClientOptions
        {
            Credentials = new AwsCredentials("AKIAFAKECLOUDTRAIL01", "fake-secret"),
            Region = region,
            Endpoint = "https://cloudtrail." + region + ".fake.test",
            Pacing = AwsPacing.Off,
            TimeProvider = Options.TimeProvider,
        });

    /// <summary>
    /// Answers one HTTP request as CloudTrail would: the envelope (method, X-Amz-Target, SigV4), limits, the call, and
    /// every failure shaped as AWS shapes it. No input gets a 5xx unless faults were asked for.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public Task<FakeHttpResponse> HandleAsync(FakeHttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _front.HandleAsync(request, cancellationToken);
    }

    /// <summary>The answer to a body over <see cref="FakeCloudTrailOptions.MaxRequestBodyBytes"/>, for hosts whose transport refuses it before <see cref="HandleAsync"/> sees it.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public FakeHttpResponse BodyTooLarge() => FakeHttpFront.TooLarge(Options.MaxRequestBodyBytes);

    /// <summary>
    /// Runs one call through the behaviour alone: no HTTP front, no recording, no journal. For benchmarks that must
    /// measure an operation without the store growing under them.
    /// </summary>
    internal Task<AwsServerResult> DispatchUnrecordedAsync(string operation, ReadOnlyMemory<byte> body, AwsServerContext context) =>
        _behaviour.DispatchUnrecordedAsync(operation, body, context);

    /// <summary>Runs one call without the HTTP front (no signature, throttling or faults), and records it.</summary>
    public Task<AwsServerResult> DispatchAsync(string operation, ReadOnlyMemory<byte> body, AwsServerContext context, CancellationToken cancellationToken = default) =>
        _behaviour.DispatchAsync(operation, body, context, cancellationToken);

    /// <summary>
    /// Loads CloudTrail log files (<c>{"Records":[...]}</c>, plain or <c>.json.gz</c>) so LookupEvents finds their events,
    /// each in the account and region its record names. All files are read before any event is stored: a malformed file
    /// throws <see cref="FakeSeedException"/> naming it and the record, and nothing is loaded. Events already held (same
    /// eventID) are skipped. Returns how many events the files hold.
    /// </summary>
    public int LoadLogFiles(IEnumerable<string> paths) => _seeder.LoadLogFiles(paths);

    /// <summary>Loads one CloudTrail log file from a stream; <paramref name="source"/> names it in errors. See <see cref="LoadLogFiles"/>.</summary>
    public int LoadLogFile(Stream stream, string source) => _seeder.LoadLogFile(stream, source);

    /// <summary>The management events held for an account and region (the defaults when not given), oldest first: what a test asserts on.</summary>
    public IReadOnlyList<Event> RecordedEvents(string? accountId = null, string? region = null)
    {
        lock (_store.Gate)
        {
            return _store.Region(accountId ?? Options.DefaultAccountId, region ?? Options.DefaultRegion).Events.All().Select(e => e.ToEvent()).ToList();
        }
    }

    /// <summary>The trails whose home is an account and region (the defaults when not given), by name.</summary>
    public IReadOnlyList<Trail> Trails(string? accountId = null, string? region = null)
    {
        lock (_store.Gate)
        {
            return _store.Region(accountId ?? Options.DefaultAccountId, region ?? Options.DefaultRegion).Trails.Values
                .OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Trail).ToList();
        }
    }

    /// <summary>Closes the data directory's journal, if there is one.</summary>
    public void Dispose()
    {
        _behaviour.Journal?.Dispose();
        _behaviour.Dispose();
    }
}
