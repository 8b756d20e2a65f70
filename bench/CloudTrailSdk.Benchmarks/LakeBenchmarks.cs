using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CloudTrailSdk.Fake;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// CloudTrail Lake in the fake, in-process: a <c>GROUP BY eventName</c> over an event data store of 1,000,000 events,
/// and a StartQuery-to-FINISHED round trip on a small store, both through our client and the in-process handler.
/// </summary>
/// <remarks>
/// Events are seeded with <see cref="FakeSeed"/> (≈0.9 KB records) after the store exists, so the store takes them all.
/// The global setup prints the seeding time, the first query (which parses the staged records into Lake's columns),
/// and the managed heap the events take (lines starting <c>// LAKE</c>).
/// </remarks>
[MemoryDiagnoser]
public class LakeBenchmarks
{
    private FakeCloudTrail _fake = null!;
    private CloudTrailClient _client = null!;
    private string _store = null!;

    /// <summary>How many events the store holds.</summary>
    [Params(1_000, 1_000_000)]
    public int StoredEvents { get; set; }

    /// <summary>Creates the store, seeds it and runs the first query.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _fake = new FakeCloudTrail(new FakeCloudTrailOptions { MaxEventsPerRegion = StoredEvents + 1000 });
        _client = new CloudTrailClient(new HttpClient(new FakeCloudTrailHandler(_fake)), new AwsClientOptions
        {
            Credentials = new AwsCredentials("AKIDBENCH", "secret"),
            Region = "us-east-1",
            Endpoint = "https://cloudtrail.bench.test",
            Pacing = AwsPacing.Off,
        });
        var created = _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "bench-lake" }).GetAwaiter().GetResult();
        _store = created.EventDataStoreArn!.Split('/')[^1];
        var clock = Stopwatch.StartNew();
        FakeSeed.Load(_fake, StoredEvents);
        var seeded = clock.ElapsedMilliseconds;
        clock.Restart();
        var first = GroupByEventName().GetAwaiter().GetResult();
        var firstQuery = clock.ElapsedMilliseconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "// LAKE stored={0} seedMs={1} firstQueryMs={2} groups={3} managedHeapBytes={4} processRssMb={5}",
            StoredEvents, seeded, firstQuery, first, after - before, Process.GetCurrentProcess().WorkingSet64 / (1024 * 1024)));
    }

    /// <summary>Releases the fake.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    /// <summary>StartQuery, DescribeQuery until FINISHED, GetQueryResults: <c>SELECT eventName, COUNT(*) … GROUP BY eventName</c>.</summary>
    [Benchmark]
    public Task<int> GroupByEventName() => RunAsync("SELECT eventName, COUNT(*) AS n FROM " + _store + " GROUP BY eventName ORDER BY n DESC");

    private async Task<int> RunAsync(string sql)
    {
        var id = (await _client.StartQueryAsync(new StartQueryRequest { QueryStatement = sql })).QueryId!;
        while (true)
        {
            var status = (await _client.DescribeQueryAsync(new DescribeQueryRequest { QueryId = id })).QueryStatus;
            if (status == QueryStatus.Finished)
            {
                break;
            }

            if (status != QueryStatus.Queued && status != QueryStatus.Running)
            {
                throw new InvalidOperationException("query ended " + status);
            }

            await Task.Yield();
        }

        var results = await _client.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = id });
        return results.QueryResultRows!.Count;
    }
}
