using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tests.Support;
using CloudTrailSdk.Server;

namespace CloudTrailSdk.Fake.Tests;

/// <summary>What keeps the fake alive under any input and any load: bounded memory, no 5xx for bad bytes, body limits.</summary>
[Trait("Category", "Unit")]
public sealed class BoundsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // Every member name an operation of CloudTrail's model reads as a string, so each operation meets the bad text.
    private static readonly string[] StringMembers = { "Name", "TrailName", "ResourceId", "EventDataStore", "S3BucketName", "NextToken" };

    [Fact]
    public async Task Invalid_UTF8_inside_a_string_is_a_SerializationException_for_every_operation()
    {
        var fake = new FakeCloudTrail();
        var failures = new List<string>();
        foreach (var operation in CloudTrailServiceBase.Operations)
        {
            foreach (var member in StringMembers)
            {
                var body = Encoding.UTF8.GetBytes("{\"" + member + "\":\"trail").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
                var answer = await fake.HandleAsync(Request(operation, body));
                if (answer.StatusCode != 400 || Direct.ErrorOf(answer) != "SerializationException")
                {
                    failures.Add(operation + "." + member + " -> " + answer.StatusCode + " " + Encoding.UTF8.GetString(answer.Body));
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("trail\\udfff")]
    [InlineData("\\ud800trail")]
    [InlineData("a\\udc00\\ud800b")]
    public async Task A_lone_surrogate_escape_is_a_SerializationException(string escaped)
    {
        var fake = new FakeCloudTrail();
        foreach (var operation in new[] { "CreateTrail", "GetTrail", "DescribeTrails", "LookupEvents", "AddTags" })
        {
            var answer = await Direct.CallAsync(fake, operation, "{\"Name\":\"" + escaped + "\",\"S3BucketName\":\"b\"}");

            Assert.Equal(400, answer.StatusCode);
            Assert.Equal("SerializationException", Direct.ErrorOf(answer));
            Assert.Contains("surrogate", Encoding.UTF8.GetString(answer.Body), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_with_an_error_body_in_process()
    {
        var fake = new FakeCloudTrail(new FakeCloudTrailOptions { MaxRequestBodyBytes = 1024 });

        var answer = await fake.HandleAsync(Request("DescribeTrails", Encoding.UTF8.GetBytes("{\"trailNameList\":[\"" + new string('a', 2000) + "\"]}")));

        Assert.Equal(413, answer.StatusCode);
        Assert.Equal("RequestEntityTooLargeException", Direct.ErrorOf(answer));
        Assert.Contains("1024 bytes", Encoding.UTF8.GetString(answer.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_8_MB_body_is_413_with_type_and_message_over_Kestrel()
    {
        await using var host = await FakeCloudTrailHost.StartAsync();
        var body = new byte[8 * 1024 * 1024];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';

        var answer = await RawCall.SendAsync(host.Endpoint, HttpMethod.Post, RawCall.Target("DescribeTrails"), new ByteArrayContent(body));

        Assert.Equal(413, answer.Status);
        Assert.Equal("application/x-amz-json-1.1", answer.ContentType);
        Assert.Equal("RequestEntityTooLargeException", answer.ErrorType);
        Assert.Contains(FakeCloudTrail.DefaultMaxRequestBodyBytes + " bytes", answer.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recorded_events_stay_within_the_bound_and_the_oldest_go_first()
    {
        var clock = new ManualTimeProvider(Start);
        var fake = new FakeCloudTrail(new FakeCloudTrailOptions { TimeProvider = clock, MaxEventsPerRegion = 100 });
        for (var i = 0; i < 1000; i++)
        {
            await Direct.CallAsync(fake, "GetTrail", "{\"Name\":\"trail-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "\"}");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var events = fake.RecordedEvents();

        Assert.Equal(100, events.Count);
        Assert.Equal(Enumerable.Range(900, 100).Select(i => "trail-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => e.Resources![0].ResourceName));
    }

    [Fact]
    public async Task A_lookup_scan_under_way_survives_the_log_turning_over()
    {
        var clock = new ManualTimeProvider(Start);
        var fake = new FakeCloudTrail(new FakeCloudTrailOptions { TimeProvider = clock, MaxEventsPerRegion = 64 });
        for (var i = 0; i < 64; i++)
        {
            await Direct.CallAsync(fake, "ListTrails");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        using var client = Clients.InProcess(fake, "us-east-1");
        var first = await client.LookupEventsAsync(new LookupEventsRequest { MaxResults = 10 });

        // 40 more calls push 40 of the oldest events out; the next page continues below the first, among what is left.
        for (var i = 0; i < 40; i++)
        {
            await Direct.CallAsync(fake, "ListTrails");
        }

        var second = await client.LookupEventsAsync(new LookupEventsRequest { MaxResults = 10, NextToken = first.NextToken });

        Assert.Equal(10, second.Events!.Count);
        Assert.True(second.Events.Max(e => e.EventTime) <= first.Events!.Min(e => e.EventTime));
        Assert.Empty(second.Events.Select(e => e.EventId).Intersect(first.Events!.Select(e => e.EventId)));
    }

    [Fact]
    public void Events_older_than_90_days_before_the_newest_are_dropped()
    {
        var fake = new FakeCloudTrail(new FakeCloudTrailOptions { TimeProvider = new ManualTimeProvider(Start) });
        using var files = new LogFiles();
        var records = new[]
        {
            LogFiles.Record("Old", Start - TimeSpan.FromDays(200), "us-east-1"),
            LogFiles.Record("Recent", Start - TimeSpan.FromDays(10), "us-east-1"),
            LogFiles.Record("Newest", Start, "us-east-1"),
        };

        fake.LoadLogFiles(new[] { files.Write("seed.json", records) });

        Assert.Equal(new[] { "Recent", "Newest" }, fake.RecordedEvents().Select(e => e.EventName));
    }

    [Fact]
    public void A_bound_below_one_is_refused_with_the_option_named()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FakeCloudTrail(new FakeCloudTrailOptions { MaxEventsPerRegion = 0 }));

        Assert.Equal("MaxEventsPerRegion", error.ParamName);
    }

    [Fact]
    public async Task Test_authors_read_the_trails_and_events_the_fake_holds()
    {
        var fake = new FakeCloudTrail();
        using var client = Clients.InProcess(fake, "eu-west-1");
        await client.CreateTrailAsync(new CreateTrailRequest { Name = "audit", S3BucketName = "logs" });

        var trail = Assert.Single(fake.Trails(region: "eu-west-1"));
        Assert.Equal("audit", trail.Name);
        Assert.Empty(fake.Trails());
        Assert.Equal("CreateTrail", Assert.Single(fake.RecordedEvents(region: "eu-west-1")).EventName);
    }

    [Fact]
    public async Task CreateClient_gives_an_unpaced_client_wired_to_the_fake()
    {
        // The client shares the fake's clock, which never moves here: a paced client would wait on it forever before
        // its second LookupEvents, so finishing at all shows pacing is off (the timeout only guards against a hang).
        using var fake = new FakeCloudTrail(new FakeCloudTrailOptions { TimeProvider = new ManualTimeProvider(Start) });
        using var client = fake.CreateClient("eu-west-2");
        await client.CreateTrailAsync(new CreateTrailRequest { Name = "one-liner", S3BucketName = "logs" });

        var lookups = Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.LookupEventsAsync(new LookupEventsRequest { MaxResults = 1 })));
        await lookups.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("one-liner", Assert.Single(fake.Trails(region: "eu-west-2")).Name);
        Assert.Equal(6, fake.RecordedEvents(region: "eu-west-2").Count);
    }

    private static FakeHttpRequest Request(string operation, byte[] body) => new()
    {
        Method = "POST",
        Headers = new List<KeyValuePair<string, string>> { new("X-Amz-Target", CloudTrailServiceBase.TargetPrefix + "." + operation) },
        Body = body,
    };
}
