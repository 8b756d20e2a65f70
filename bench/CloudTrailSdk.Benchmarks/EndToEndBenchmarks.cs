using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CloudTrailSdk.Fake;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Pacing;
using CloudTrailSdk.Runtime.Retry;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// LookupEvents pages through our own <see cref="CloudTrailClient"/> (validation, SigV4 signing, serialization, the
/// retry pipeline with one attempt) against the fake: in-process through <see cref="FakeCloudTrailHandler"/> (no sockets),
/// and over Kestrel on loopback through <see cref="FakeCloudTrailHost"/> with a plain <see cref="SocketsHttpHandler"/>.
/// </summary>
/// <remarks>
/// Both clients talk to one fake seeded with <see cref="SeededEvents"/> events of ≈1.8 KB records (a page of 50 is
/// ≈130 KB on the wire). Pacing is off (<see cref="AwsPacing.Off"/>: the model's 2 requests/s would
/// otherwise be what is measured) and retries are off (one attempt), so this is raw throughput. Every call the fake
/// serves is recorded as an event, so requests carry an EndTime just after the newest seeded event: pages then come from
/// the seeded store only and stay the same as the benchmark runs. Pages/s is 1 / mean.
/// </remarks>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    /// <summary>Events in the seeded store.</summary>
    public const int SeededEvents = 5_000;

    private const int ScanPages = 20;

    private FakeCloudTrail _server = null!;
    private FakeCloudTrailHost _host = null!;
    private CloudTrailClient _inProcess = null!;
    private CloudTrailClient _overKestrel = null!;
    private LookupEventsRequest _request = null!;

    /// <summary>Seeds the fake, starts Kestrel, builds both clients and checks that a page holds 50 events.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = new FakeCloudTrail();
        FakeSeed.Load(_server, SeededEvents, padding: 900);
        _host = FakeCloudTrailHost.StartAsync(new FakeCloudTrailHostOptions { Fake = _server }).GetAwaiter().GetResult();
        _inProcess = new CloudTrailClient(new HttpClient(new FakeCloudTrailHandler(_server)), Options("https://cloudtrail.fake.test"));
        _overKestrel = new CloudTrailClient(new HttpClient(new SocketsHttpHandler()), Options(_host.Endpoint.AbsoluteUri));
        _request = new LookupEventsRequest { MaxResults = 50, EndTime = FakeSeed.Newest.AddSeconds(1) };

        foreach (var client in new[] { _inProcess, _overKestrel })
        {
            var page = client.LookupEventsAsync(_request).GetAwaiter().GetResult();
            if (page.Events is not { Count: 50 } || page.NextToken is null || page.Events.Any(e => e.CloudTrailEvent is not { Length: > 1000 }))
            {
                throw new InvalidOperationException("Expected a full page of seeded events with a NextToken.");
            }
        }
    }

    /// <summary>Stops Kestrel and disposes the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _inProcess.Dispose();
        _overKestrel.Dispose();
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server.Dispose();
    }

    /// <summary>One 50-event page, in-process.</summary>
    [Benchmark(Baseline = true)]
    public Task<LookupEventsResponse> InProcess_Page() => _inProcess.LookupEventsAsync(_request);

    /// <summary>One 50-event page over Kestrel on loopback.</summary>
    [Benchmark]
    public Task<LookupEventsResponse> Kestrel_Page() => _overKestrel.LookupEventsAsync(_request);

    /// <summary>A 20-page scan through the paginator, in-process; reported per page.</summary>
    [Benchmark(OperationsPerInvoke = ScanPages)]
    public Task<int> InProcess_Scan20Pages() => Scan(_inProcess);

    /// <summary>A 20-page scan through the paginator over Kestrel; reported per page.</summary>
    [Benchmark(OperationsPerInvoke = ScanPages)]
    public Task<int> Kestrel_Scan20Pages() => Scan(_overKestrel);

    private async Task<int> Scan(CloudTrailClient client)
    {
        var events = 0;
        var pages = 0;
        await foreach (var page in client.Paginators.LookupEvents(_request).Responses.ConfigureAwait(false))
        {
            events += page.Events?.Count ?? 0;
            if (++pages == ScanPages)
            {
                break;
            }
        }

        return events;
    }

    // Raw throughput: no pacing (the model's 2 requests/s), one attempt (no retries).
    private static AwsClientOptions Options(string endpoint) => new()
    {
        Credentials = new AwsCredentials("AKIAFAKEBENCHKEY0001", "fake-secret"),
        Region = FakeCloudTrail.DefaultRegion,
        Endpoint = endpoint,
        Pacing = AwsPacing.Off,
        Retry = new AwsRetryOptions { MaxAttempts = 1 },
    };
}
