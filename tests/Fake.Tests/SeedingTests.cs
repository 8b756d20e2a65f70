using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests;

/// <summary>Seeding from CloudTrail log files: the events LookupEvents then serves, and all-or-nothing loading.</summary>
[Trait("Category", "Unit")]
public sealed class SeedingTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly LogFiles _files = new();
    private readonly FakeCloudTrail _server = new(new ManualTimeProvider(Now));

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Seeded_events_are_served_newest_first_in_the_region_each_names()
    {
        var older = LogFiles.Record("PutObject", Now.AddHours(-3), "eu-west-1");
        var newer = LogFiles.Record("GetObject", Now.AddHours(-1), "eu-west-1");
        var elsewhere = LogFiles.Record("DeleteObject", Now.AddHours(-2), "us-east-1");
        var plain = _files.Write("plain.json", new JsonNode[] { older, elsewhere });
        var gzipped = _files.Write("gzipped.json.gz", new JsonNode[] { newer }, gzip: true);

        Assert.Equal(3, _server.LoadLogFiles(new[] { plain, gzipped }));
        using var client = Clients.InProcess(_server, "eu-west-1");
        var events = (await client.LookupEventsAsync(new LookupEventsRequest())).Events!;

        Assert.Equal(new[] { (string)newer["eventID"]!, (string)older["eventID"]! }, events.Select(e => e.EventId));
        Assert.Equal(JsonNode.Parse(newer.ToJsonString())!.ToJsonString(), JsonNode.Parse(events[0].CloudTrailEvent!)!.ToJsonString());
    }

    [Fact]
    public async Task Seeded_events_answer_the_lookup_filters()
    {
        const string bucket = "arn:aws:s3:::seeded-bucket";
        var bobs = LogFiles.Record("PutObject", Now.AddMinutes(-5), "us-east-1", user: "bob", resourceArn: bucket);
        var alices = LogFiles.Record("PutObject", Now.AddMinutes(-4), "us-east-1", user: "alice");
        _server.LoadLogFiles(new[] { _files.Write("users.json", new JsonNode[] { bobs, alices }) });
        using var client = Clients.InProcess(_server, "us-east-1");

        var byUser = await client.LookupEventsAsync(new LookupEventsRequest { LookupAttributes = new[] { new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = "bob" } } });
        var byResource = await client.LookupEventsAsync(new LookupEventsRequest { LookupAttributes = new[] { new LookupAttribute { AttributeKey = LookupAttributeKey.ResourceName, AttributeValue = bucket } } });

        Assert.Equal((string)bobs["eventID"]!, Assert.Single(byUser.Events!).EventId);
        Assert.Equal((string)bobs["eventID"]!, Assert.Single(byResource.Events!).EventId);
    }

    [Fact]
    public async Task Seeded_insight_events_are_found_only_by_an_insight_lookup()
    {
        var insight = LogFiles.Record("PutObject", Now.AddMinutes(-5), "us-east-1", category: "Insight");
        _server.LoadLogFiles(new[] { _files.Write("insight.json", new JsonNode[] { insight }) });
        using var client = Clients.InProcess(_server, "us-east-1");

        var insights = await client.LookupEventsAsync(new LookupEventsRequest { EventCategory = EventCategory.Insight });
        var management = await client.LookupEventsAsync(new LookupEventsRequest());

        Assert.Equal((string)insight["eventID"]!, Assert.Single(insights.Events!).EventId);
        Assert.DoesNotContain(management.Events!, e => e.EventId == (string)insight["eventID"]!);
    }

    [Fact]
    public async Task A_bad_record_names_file_and_record_and_nothing_is_loaded()
    {
        var good = _files.Write("good.json", new JsonNode[] { LogFiles.Record("PutObject", Now.AddMinutes(-1), "us-east-1") });
        var broken = LogFiles.Record("GetObject", Now.AddMinutes(-1), "us-east-1");
        broken.Remove("eventName");
        var bad = _files.Write("bad.json", new JsonNode[] { LogFiles.Record("ListBuckets", Now.AddMinutes(-1), "us-east-1"), broken });

        var error = Assert.Throws<FakeSeedException>(() => _server.LoadLogFiles(new[] { good, bad }));

        Assert.Equal(bad, error.Source);
        Assert.Equal(1, error.RecordIndex);
        Assert.Contains("eventName", error.Message, StringComparison.Ordinal);
        using var client = Clients.InProcess(_server, "us-east-1");
        Assert.Empty((await client.LookupEventsAsync(new LookupEventsRequest())).Events!);
    }

    [Theory]
    [InlineData("{\"Records\":")]
    [InlineData("{\"records\":[]}")]
    [InlineData("[1,2]")]
    public void A_file_that_is_not_a_log_file_is_named(string text)
    {
        var path = _files.WriteText("not-a-log.json", text);

        var error = Assert.Throws<FakeSeedException>(() => _server.LoadLogFiles(new[] { path }));

        Assert.Equal(path, error.Source);
        Assert.Null(error.RecordIndex);
    }

    [Fact]
    public void A_missing_file_is_a_seed_error_naming_it()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".json");

        Assert.Equal(path, Assert.Throws<FakeSeedException>(() => _server.LoadLogFiles(new[] { path })).Source);
    }
}
