using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CloudTrailSdk.Fake;
using CloudTrailSdk.Runtime.Server;
using CloudTrailSdk.Server;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// The fake's LookupEvents page latency as its store grows: 10k, 100k and 1M stored events, unfiltered and filtered, and
/// the memory each stored event costs.
/// </summary>
/// <remarks>
/// Pages are served by calling the generated dispatcher directly (<c>FakeCloudTrail.DispatchUnrecordedAsync</c>): the
/// request bytes are parsed and validated, the page is found and the response serialized, exactly as behind the handler or
/// Kestrel, minus HTTP. The base dispatcher is called on purpose: <see cref="FakeCloudTrail.DispatchAsync"/> would also
/// record each lookup as a new event, and millions of benchmark calls would grow the 10k store past 1M. Events are seeded
/// through <see cref="FakeCloudTrail.LoadLogFile"/> from a log file built in memory (≈0.9 KB records). Memory per
/// stored event is <c>GC.GetTotalMemory(true)</c> after seeding minus before, over the count; the global setup prints it
/// (lines starting <c>// SCALE</c> in the log).
/// </remarks>
[MemoryDiagnoser]
public class FakeScaleBenchmarks
{
    private static readonly byte[] Unfiltered = Encoding.UTF8.GetBytes("{\"MaxResults\":50}");
    private static readonly byte[] EventNameFilter = Encoding.UTF8.GetBytes(
        "{\"LookupAttributes\":[{\"AttributeKey\":\"EventName\",\"AttributeValue\":\"" + FakeSeed.HotEventName + "\"}],\"MaxResults\":50}");
    private static readonly byte[] ResourceNameFilter = Encoding.UTF8.GetBytes(
        "{\"LookupAttributes\":[{\"AttributeKey\":\"ResourceName\",\"AttributeValue\":\"" + FakeSeed.HotResourceName + "\"}],\"MaxResults\":50}");

    private FakeCloudTrail _server = null!;
    
    private AwsServerContext _context = null!;
    private byte[] _midWindow = null!;

    /// <summary>How many events the fake holds.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int StoredEvents { get; set; }

    /// <summary>Seeds the fake, measures memory per event, and checks that every query fills a page.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _server = new FakeCloudTrail(new FakeCloudTrailOptions { MaxEventsPerRegion = 2_000_000 });
        var clock = Stopwatch.StartNew();
        FakeSeed.Load(_server, StoredEvents);
        clock.Stop();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "// SCALE stored={0} seedMs={1} heapBytes={2} bytesPerEvent={3:F0}", StoredEvents, clock.ElapsedMilliseconds, after - before, (after - before) / (double)StoredEvents));

        _context = new AwsServerContext("LookupEvents", "bench-request") { SourceIpAddress = "127.0.0.1" };
        var middle = FakeSeed.Oldest + (FakeSeed.Newest - FakeSeed.Oldest) / 2;
        _midWindow = Encoding.UTF8.GetBytes("{\"EndTime\":" + middle.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ",\"MaxResults\":50}");

        foreach (var body in new[] { Unfiltered, EventNameFilter, ResourceNameFilter, _midWindow })
        {
            var result = Lookup(body).GetAwaiter().GetResult();
            using var page = JsonDocument.Parse(result.Body);
            if (result.ErrorCode is not null || page.RootElement.GetProperty("Events").GetArrayLength() != 50 || !page.RootElement.TryGetProperty("NextToken", out _))
            {
                throw new InvalidOperationException("Expected a full page with a NextToken for " + Encoding.UTF8.GetString(body) + ": " + result.ErrorCode);
            }
        }
    }

    /// <summary>Releases the fake.</summary>
    [GlobalCleanup]
    public void Cleanup() => _server.Dispose();

    /// <summary>The newest 50 events, no filter.</summary>
    [Benchmark(Baseline = true)]
    public Task<AwsServerResult> Page_Unfiltered() => Lookup(Unfiltered);

    /// <summary>The newest 50 events whose EventName matches (5% of the store).</summary>
    [Benchmark]
    public Task<AwsServerResult> Page_EventName() => Lookup(EventNameFilter);

    /// <summary>The newest 50 events whose ResourceName matches (1% of the store).</summary>
    [Benchmark]
    public Task<AwsServerResult> Page_ResourceName() => Lookup(ResourceNameFilter);

    /// <summary>50 events ending at the middle of the stored span (EndTime): a binary search into the middle of the log.</summary>
    [Benchmark]
    public Task<AwsServerResult> Page_MidWindow() => Lookup(_midWindow);

    private Task<AwsServerResult> Lookup(byte[] body) => _server.DispatchUnrecordedAsync("LookupEvents", body, _context);
}
