using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests;

/// <summary>LookupEvents over a seeded history: windows, filters, retention and tokens, checked against the seed itself.</summary>
[Trait("Category", "Unit")]
public sealed class LookupTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Region = "us-east-1";
    private readonly LogFiles _files = new();
    private readonly FakeCloudTrail _server = new(new ManualTimeProvider(Now));
    private readonly List<JsonObject> _seeded = new();
    private readonly CloudTrailClient _client;

    public LookupTests()
    {
        // One event an hour for ten days, names cycling, so windows and filters each select a known subset.
        var names = new[] { "PutObject", "GetObject", "DeleteObject" };
        for (var h = 1; h <= 240; h++)
        {
            _seeded.Add(LogFiles.Record(names[h % names.Length], Now.AddHours(-h), Region, user: h % 2 == 0 ? "even" : "odd"));
        }

        _server.LoadLogFiles(new[] { _files.Write("history.json", _seeded) });
        _client = Clients.InProcess(_server, Region);
    }

    public void Dispose()
    {
        _client.Dispose();
        _files.Dispose();
    }

    private static DateTimeOffset TimeOf(JsonObject record) => DateTimeOffset.Parse((string)record["eventTime"]!, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<string>> AllAsync(LookupEventsRequest request)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await _client.LookupEventsAsync(request with { NextToken = token });
            Assert.True(page.Events!.Count <= (request.MaxResults ?? 50));
            ids.AddRange(page.Events!.Select(e => e.EventId!));
            token = page.NextToken;
        }
        while (token is not null);
        return ids;
    }

    private IEnumerable<string> Expected(Func<JsonObject, bool> keep) =>
        _seeded.Where(keep).OrderByDescending(TimeOf).Select(r => (string)r["eventID"]!);

    [Theory]
    [InlineData("Username", true)]
    [InlineData("ResourceName", true)]
    [InlineData("AccessKeyId", true)]
    [InlineData("ReadOnly", true)]
    [InlineData("ResourceType", true)]
    [InlineData("EventName", false)]
    [InlineData("EventSource", false)]
    [InlineData("EventId", false)]
    public async Task Insight_lookups_accept_only_event_id_name_and_source(string key, bool refused)
    {
        var request = new LookupEventsRequest
        {
            EventCategory = EventCategory.Insight,
            LookupAttributes = [new LookupAttribute { AttributeKey = new LookupAttributeKey(key), AttributeValue = "x" }],
        };
        if (refused)
        {
            // One rule, two places: the client's validator refuses before sending, and the fake, through the same
            // generated validator, refuses a client that does not validate.
            var invalid = await Assert.ThrowsAsync<CloudTrailSdk.AwsValidationException>(() => _client.LookupEventsAsync(request));
            Assert.Contains(key, invalid.Message, StringComparison.Ordinal);
            using var unvalidated = new CloudTrailClient(new System.Net.Http.HttpClient(new FakeCloudTrailHandler(_server)), new CloudTrailSdk.AwsClientOptions
            {
                Credentials = new CloudTrailSdk.AwsCredentials("AKIDEXAMPLE", "secret"),
                Region = Region,
                Endpoint = "https://cloudtrail.fake.test",
                ValidateRequests = false,
            });
            var error = await Assert.ThrowsAsync<InvalidLookupAttributesException>(() => unvalidated.LookupEventsAsync(request));
            Assert.Contains(key, error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty((await _client.LookupEventsAsync(request)).Events!);
        }
    }

    [Fact]
    public async Task The_time_window_is_inclusive_at_both_ends()
    {
        var start = TimeOf(_seeded[99]);
        var end = TimeOf(_seeded[9]);

        var ids = await AllAsync(new LookupEventsRequest { StartTime = start, EndTime = end, MaxResults = 7 });

        Assert.Equal(Expected(r => TimeOf(r) >= start && TimeOf(r) <= end), ids);
    }

    [Fact]
    public async Task A_filter_pages_through_only_its_matches()
    {
        var ids = await AllAsync(new LookupEventsRequest { LookupAttributes = new[] { new LookupAttribute { AttributeKey = LookupAttributeKey.EventName, AttributeValue = "GetObject" } }, MaxResults = 9 });

        Assert.Equal(Expected(r => (string)r["eventName"]! == "GetObject"), ids);
    }

    [Fact]
    public async Task A_filter_and_a_window_combine()
    {
        var start = TimeOf(_seeded[150]);
        var filter = new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = "even" };

        var ids = await AllAsync(new LookupEventsRequest { LookupAttributes = new[] { filter }, StartTime = start, MaxResults = 11 });

        Assert.Equal(Expected(r => (string)r["userIdentity"]!["userName"]! == "even" && TimeOf(r) >= start), ids);
    }

    [Fact]
    public async Task Events_older_than_90_days_are_gone()
    {
        var ancient = LogFiles.Record("PutObject", Now.AddDays(-91), Region);
        _server.LoadLogFiles(new[] { _files.Write("ancient.json", new[] { ancient }) });

        var ids = await AllAsync(new LookupEventsRequest { StartTime = Now.AddDays(-120), MaxResults = 50 });

        Assert.DoesNotContain((string)ancient["eventID"]!, ids);
        Assert.Equal(_seeded.Count, ids.Count);
    }

    [Fact]
    public async Task A_token_is_refused_with_other_parameters()
    {
        var first = await _client.LookupEventsAsync(new LookupEventsRequest { MaxResults = 5 });

        var code = await Errors.CodeOf(() => _client.LookupEventsAsync(new LookupEventsRequest { MaxResults = 6, NextToken = first.NextToken }));

        Assert.Equal("InvalidNextTokenException", code);
    }

    [Fact]
    public async Task Calls_made_during_a_scan_do_not_shift_its_pages()
    {
        var first = await _client.LookupEventsAsync(new LookupEventsRequest { MaxResults = 5 });
        await _client.ListTrailsAsync(new ListTrailsRequest());
        var second = await _client.LookupEventsAsync(new LookupEventsRequest { MaxResults = 5, NextToken = first.NextToken });

        Assert.Equal(Expected(_ => true).Take(10), first.Events!.Concat(second.Events!).Select(e => e.EventId));
    }
}
