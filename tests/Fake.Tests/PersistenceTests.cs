using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests;

/// <summary>--data-dir: state survives a restart, a torn last write is dropped, corruption is named.</summary>
[Trait("Category", "Unit")]
public sealed class PersistenceTests : IDisposable
{
    private const string Region = "eu-west-2";
    private readonly string _directory = Directory.CreateTempSubdirectory("ct-fake-data-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private FakeCloudTrail Open() => new(new FakeCloudTrailOptions { DataDirectory = _directory });

    private string JournalPath => Directory.GetFiles(_directory).Single();

    [Fact]
    public async Task Trails_tags_selectors_status_and_events_survive_a_restart()
    {
        Trail before;
        GetTrailStatusResponse statusBefore;
        LookupEventsResponse eventsBefore;
        using (var first = Open())
        using (var client = Clients.InProcess(first, Region))
        {
            var arn = (await client.CreateTrailAsync(new CreateTrailRequest { Name = "durable", S3BucketName = "bucket", TagsList = new[] { new Tag { Key = "k", Value = "v" } } })).TrailARN!;
            await client.AddTagsAsync(new AddTagsRequest { ResourceId = arn, TagsList = new[] { new Tag { Key = "added", Value = "later" } } });
            await client.PutEventSelectorsAsync(new PutEventSelectorsRequest { TrailName = "durable", EventSelectors = new[] { new EventSelector { ReadWriteType = ReadWriteType.WriteOnly } } });
            await client.CreateTrailAsync(new CreateTrailRequest { Name = "deleted", S3BucketName = "bucket" });
            await client.DeleteTrailAsync(new DeleteTrailRequest { Name = "deleted" });
            await client.StartLoggingAsync(new StartLoggingRequest { Name = "durable" });
            before = (await client.GetTrailAsync(new GetTrailRequest { Name = "durable" })).Trail!;
            statusBefore = await client.GetTrailStatusAsync(new GetTrailStatusRequest { Name = "durable" });
            eventsBefore = await client.LookupEventsAsync(new LookupEventsRequest());
        }

        using var second = Open();
        using var again = Clients.InProcess(second, Region);

        // Looked up first, before this run adds calls: the first run's lookup is one more event, ahead of all it saw.
        var events = (await again.LookupEventsAsync(new LookupEventsRequest())).Events!;
        Assert.Equal("LookupEvents", events[0].EventName);
        Assert.Equal(eventsBefore.Events!.Select(e => (e.EventId, e.CloudTrailEvent)), events.Skip(1).Select(e => (e.EventId, e.CloudTrailEvent)));
        Assert.Equal(before, (await again.GetTrailAsync(new GetTrailRequest { Name = "durable" })).Trail);
        Assert.Equal(new[] { "durable" }, (await again.ListTrailsAsync(new ListTrailsRequest())).Trails!.Select(t => t.Name));
        var status = await again.GetTrailStatusAsync(new GetTrailStatusRequest { Name = "durable" });
        Assert.Equal(statusBefore.IsLogging, status.IsLogging);
        Assert.Equal(statusBefore.StartLoggingTime, status.StartLoggingTime);
        var tags = Assert.Single((await again.ListTagsAsync(new ListTagsRequest { ResourceIdList = new[] { before.TrailARN! } })).ResourceTagList!).TagsList!;
        Assert.Equal(new[] { "k", "added" }, tags.Select(t => t.Key));
        Assert.Equal(ReadWriteType.WriteOnly, Assert.Single((await again.GetEventSelectorsAsync(new GetEventSelectorsRequest { TrailName = "durable" })).EventSelectors!).ReadWriteType);
    }

    [Fact]
    public async Task An_event_data_store_keeps_its_id_and_arn_across_a_restart()
    {
        EventDataStore before;
        using (var first = Open())
        using (var client = Clients.InProcess(first, Region))
        {
            var created = await client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "durable-store" });
            before = Assert.Single((await client.ListEventDataStoresAsync(new ListEventDataStoresRequest())).EventDataStores!);
            Assert.Equal(created.EventDataStoreArn, before.EventDataStoreArn);
        }

        using var second = Open();
        using var again = Clients.InProcess(second, Region);
        var got = await again.GetEventDataStoreAsync(new GetEventDataStoreRequest { EventDataStore = before.EventDataStoreArn! });
        Assert.Equal(before.EventDataStoreArn, got.EventDataStoreArn);
        Assert.Equal("durable-store", got.Name);
    }

    [Fact]
    public async Task A_write_cut_short_by_a_crash_is_dropped_and_writing_goes_on()
    {
        using (var first = Open())
        using (var client = Clients.InProcess(first, Region))
        {
            await client.CreateTrailAsync(new CreateTrailRequest { Name = "before-crash", S3BucketName = "bucket" });
        }

        var path = JournalPath;
        File.AppendAllText(path, "{\"kind\":\"call\",\"operation\":\"CreateTr");

        using (var second = Open())
        using (var client = Clients.InProcess(second, Region))
        {
            Assert.Single((await client.ListTrailsAsync(new ListTrailsRequest())).Trails!);
            await client.CreateTrailAsync(new CreateTrailRequest { Name = "after-crash", S3BucketName = "bucket" });
        }

        using var third = Open();
        using var last = Clients.InProcess(third, Region);
        Assert.Equal(new[] { "after-crash", "before-crash" }, (await last.ListTrailsAsync(new ListTrailsRequest())).Trails!.Select(t => t.Name));
    }

    [Fact]
    public async Task A_corrupt_line_stops_the_start_and_names_file_and_line()
    {
        using (var first = Open())
        using (var client = Clients.InProcess(first, Region))
        {
            await client.CreateTrailAsync(new CreateTrailRequest { Name = "fine", S3BucketName = "bucket" });
        }

        var path = JournalPath;
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(1, "not json");
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<InvalidDataException>(Open);
        Assert.Contains(path + ", line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeding_the_same_file_after_a_restart_does_not_double_the_history()
    {
        using var files = new LogFiles();
        var seed = files.Write("seed.json", new JsonNode[] { LogFiles.Record("PutObject", DateTimeOffset.UtcNow.AddHours(-1), Region) });
        using (var first = Open())
        {
            first.LoadLogFiles(new[] { seed });
        }

        using var second = Open();
        second.LoadLogFiles(new[] { seed });
        using var client = Clients.InProcess(second, Region);

        var events = (await client.LookupEventsAsync(new LookupEventsRequest())).Events!;
        Assert.Single(events, e => e.EventName == "PutObject");
    }
}
