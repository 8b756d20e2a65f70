using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace CloudTrailSdk.Sdk.Tests.Loopback;

/// <summary>
/// The "done when" program: list trails, then every LookupEvents page with <c>await foreach</c>. Against
/// <c>botocore_verifier.py</c> that is 1 ListTrails + 3 LookupEvents pages of 3 events each.
/// </summary>
internal static class LoopbackScenario
{
    public const int Requests = 4;

    public static readonly string[] ExpectedEventIds = Enumerable.Range(1, 9).Select(n => $"event-{n:00}").ToArray();

    /// <summary>Runs the scenario; <paramref name="username"/>, when given, is sent as a Username lookup attribute (the verifier echoes it into every event).</summary>
    public static async Task RunAsync(ICloudTrailClient client, BotocoreVerifier verifier, string region, string? username = null)
    {
        var trails = await client.ListTrailsAsync(new ListTrailsRequest());
        Assert.Equal(new[] { "audit-trail", "security-trail" }, trails.Trails!.Select(t => t.Name));
        Assert.All(trails.Trails!, t => Assert.Equal(region, t.HomeRegion));

        var request = new LookupEventsRequest();
        if (username is not null)
        {
            request = request with { LookupAttributes = [new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = username }] };
        }

        var events = new List<Event>();
        await foreach (var e in client.Paginators.LookupEvents(request).Events)
        {
            events.Add(e);
        }

        // Exactly once, in the order the pages served them.
        Assert.Equal(ExpectedEventIds, events.Select(e => e.EventId));
        if (username is not null)
        {
            Assert.All(events, e => Assert.Equal(username, e.Username));
        }

        Assert.Null(request.NextToken); // the paginator did not touch the caller's request

        var results = await verifier.AssertAllVerifiedAsync(Requests);
        Assert.Equal(new[] { "ListTrails", "LookupEvents", "LookupEvents", "LookupEvents" }, results.Select(r => r.Operation));
        Assert.All(results, r => Assert.StartsWith("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.", r.Target));
        Assert.Equal(
            new string?[] { null, "tok-page-2", "tok-page-3" },
            results.Skip(1).Select(r => r.Body.TryGetProperty("NextToken", out var token) ? token.GetString() : null));
        if (username is not null)
        {
            Assert.All(results.Skip(1), r => Assert.Equal(username, r.Body.GetProperty("LookupAttributes")[0].GetProperty("AttributeValue").GetString()));
        }
    }
}
