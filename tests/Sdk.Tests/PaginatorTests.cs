using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Sdk.Tests;

[Trait("Category", "Unit")]
public sealed class PaginatorTests : IDisposable
{
    private readonly FakeEnvironment _environment = FakeEnvironment.WithPrivateHome();

    public void Dispose() => _environment.Dispose();

    /// <summary>Serves pages keyed by the request's NextToken: none → e1,e2 + t1; t1 → e3 + t2; t2 → e4,e5, no token.</summary>
    private static StubHandler ThreePages() => new((_, request) =>
    {
        var token = request.Json.TryGetProperty("NextToken", out var t) ? t.GetString() : null;
        var body = token switch
        {
            null => """{"Events":[{"EventId":"e1"},{"EventId":"e2"}],"NextToken":"t1"}""",
            "t1" => """{"Events":[{"EventId":"e3"}],"NextToken":"t2"}""",
            "t2" => """{"Events":[{"EventId":"e4"},{"EventId":"e5"}]}""",
            _ => throw new InvalidOperationException("unexpected token " + token),
        };
        return StubHandler.Response(HttpStatusCode.OK, body);
    });

    private static LookupEventsRequest Request() => new()
    {
        LookupAttributes = [new LookupAttribute { AttributeKey = LookupAttributeKey.EventSource, AttributeValue = "s3.amazonaws.com" }],
        StartTime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        EndTime = DateTimeOffset.FromUnixTimeSeconds(1_700_086_400),
        MaxResults = 2,
    };

    private static async Task<List<T>> ToList<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task Events_yields_every_event_once_in_order()
    {
        var stub = ThreePages();
        using var client = TestClients.Create(stub, _environment);

        var ids = new List<string?>();
        await foreach (var e in client.Paginators.LookupEvents(Request()).Events)
        {
            ids.Add(e.EventId);
        }

        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], ids);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Responses_yields_three_pages()
    {
        var stub = ThreePages();
        using var client = TestClients.Create(stub, _environment);

        var pages = await ToList(client.Paginators.LookupEvents(Request()).Responses);

        Assert.Equal(3, pages.Count);
        Assert.Equal(["t1", "t2", null], pages.Select(p => p.NextToken));
        Assert.Equal([2, 1, 2], pages.Select(p => p.Events!.Count));
    }

    [Fact]
    public async Task The_callers_request_is_unchanged_and_later_requests_carry_the_token_and_same_parameters()
    {
        var stub = ThreePages();
        using var client = TestClients.Create(stub, _environment);
        var request = Request();
        var before = Json.Write(Serialization.LookupEventsRequestSerializer.Write, request);

        await ToList(client.Paginators.LookupEvents(request).Events);

        Assert.Null(request.NextToken);
        Assert.Equal(before, Json.Write(Serialization.LookupEventsRequestSerializer.Write, request));
        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal(before, stub.Requests[0].Body);
        string?[] expectedTokens = [null, "t1", "t2"];
        for (var i = 0; i < 3; i++)
        {
            var body = stub.Requests[i].Json;
            Assert.Equal(expectedTokens[i], body.TryGetProperty("NextToken", out var t) ? t.GetString() : null);
            var others = body.EnumerateObject().Where(p => p.Name != "NextToken").Select(p => p.Name + "=" + p.Value.GetRawText());
            var original = stub.Requests[0].Json.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetRawText());
            Assert.Equal(original, others);
        }
    }

    [Fact]
    public async Task Each_enumeration_starts_a_fresh_scan()
    {
        var stub = ThreePages();
        using var client = TestClients.Create(stub, _environment);
        var paginator = client.Paginators.LookupEvents(Request());

        var first = await ToList(paginator.Events);
        var second = await ToList(paginator.Events);

        Assert.Equal(first.Select(e => e.EventId), second.Select(e => e.EventId));
        Assert.Equal(6, stub.Requests.Count);
    }

    [Fact]
    public async Task A_repeated_token_stops_the_scan()
    {
        var stub = new StubHandler((_, _) => StubHandler.Response(HttpStatusCode.OK, """{"Events":[{"EventId":"x"}],"NextToken":"same"}"""));
        using var client = TestClients.Create(stub, _environment);

        var seen = new List<string?>();
        var error = await Assert.ThrowsAsync<AwsPaginationException>(async () =>
        {
            await foreach (var e in client.Paginators.LookupEvents(Request()).Events)
            {
                seen.Add(e.EventId);
            }
        });

        Assert.Equal("LookupEvents", error.Operation);
        Assert.Equal("same", error.Token);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(["x", "x"], seen);
    }

    [Fact]
    public async Task Resuming_from_a_token_starts_there()
    {
        var stub = ThreePages();
        using var client = TestClients.Create(stub, _environment);

        var events = await ToList(client.Paginators.LookupEvents(Request() with { NextToken = "t2" }).Events);

        Assert.Equal(["e4", "e5"], events.Select(e => e.EventId));
        Assert.Equal("t2", Assert.Single(stub.Requests).Json.GetProperty("NextToken").GetString());
    }

    [Fact]
    public async Task Resuming_then_being_handed_the_start_token_again_is_a_loop()
    {
        var stub = new StubHandler((_, _) => StubHandler.Response(HttpStatusCode.OK, """{"NextToken":"t2"}"""));
        using var client = TestClients.Create(stub, _environment);

        await Assert.ThrowsAsync<AwsPaginationException>(() => ToList(client.Paginators.LookupEvents(Request() with { NextToken = "t2" }).Responses));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Cancellation_stops_the_scan()
    {
        var stub = ThreePages();
        using var client = TestClients.Create(stub, _environment);
        using var cts = new CancellationTokenSource();

        var seen = new List<string?>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in client.Paginators.LookupEvents(Request()).Events.WithCancellation(cts.Token))
            {
                seen.Add(e.EventId);
                cts.Cancel();
            }
        });

        Assert.Single(stub.Requests);
        Assert.Equal("e1", seen[0]);
        Assert.DoesNotContain("e3", seen);
    }

    [Fact]
    public async Task A_token_cancelled_up_front_sends_nothing()
    {
        var stub = ThreePages();
        using var client = TestClients.Create(stub, _environment);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in client.Paginators.LookupEvents(Request()).Responses.WithCancellation(cts.Token))
            {
                Assert.Fail("no page expected, got " + page.NextToken);
            }
        });

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void A_null_request_is_rejected()
    {
        using var client = TestClients.Create(ThreePages(), _environment);

        Assert.Throws<ArgumentNullException>(() => client.Paginators.LookupEvents(null!));
    }
}
