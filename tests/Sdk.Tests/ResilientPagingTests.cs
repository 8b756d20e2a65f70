using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Sdk.Tests;

/// <summary>Issue 3's "done when": injected throttling and 5xx are retried, and the paginator still yields every event exactly once.</summary>
[Trait("Category", "Unit")]
public sealed class ResilientPagingTests : IDisposable
{
    private readonly FakeEnvironment _environment = FakeEnvironment.WithPrivateHome();
    private readonly ManualTimeProvider _clock = new();

    public void Dispose() => _environment.Dispose();

    private static string Page(string? token) => token switch
    {
        null => """{"Events":[{"EventId":"e1"},{"EventId":"e2"}],"NextToken":"t1"}""",
        "t1" => """{"Events":[{"EventId":"e3"}],"NextToken":"t2"}""",
        "t2" => """{"Events":[{"EventId":"e4"},{"EventId":"e5"}]}""",
        _ => throw new InvalidOperationException("unexpected token " + token),
    };

    [Fact]
    public async Task Injected_throttling_and_5xx_are_retried_and_every_event_comes_exactly_once()
    {
        // Each page fails first with a throttling 400, then with a 503 or a dropped connection, and only then answers.
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        var stub = new StubHandler((_, request) =>
        {
            var token = request.Json.TryGetProperty("NextToken", out var t) ? t.GetString() : null;
            var key = token ?? "<first>";
            var failed = failures.GetValueOrDefault(key);
            failures[key] = failed + 1;
            return failed switch
            {
                0 => ResilientClients.Throttled(),
                1 when token == "t1" => throw new HttpRequestException("connection reset"),
                1 => ResilientClients.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"),
                _ => StubHandler.Response(HttpStatusCode.OK, Page(token)),
            };
        });
        using var client = ResilientClients.Create(stub, _environment, _clock);

        async Task<List<string?>> Scan()
        {
            var ids = new List<string?>();
            await foreach (var e in client.Paginators.LookupEvents(new LookupEventsRequest { MaxResults = 2 }).Events.ConfigureAwait(false))
            {
                ids.Add(e.EventId);
            }

            return ids;
        }

        var ids = await _clock.RunAsync(Scan());

        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], ids);
        Assert.Equal(9, stub.Requests.Count);
        Assert.All(failures.Values, count => Assert.Equal(3, count));

        // The retries were paced too: nine LookupEvents requests at 2/s need at least 4 s.
        Assert.True(_clock.Elapsed >= TimeSpan.FromSeconds(4), "elapsed " + _clock.Elapsed);
    }

    [Fact]
    public async Task A_page_that_keeps_failing_ends_the_scan_with_its_error_after_the_pages_before_it()
    {
        var stub = new StubHandler((_, request) =>
        {
            var token = request.Json.TryGetProperty("NextToken", out var t) ? t.GetString() : null;
            return token == "t1" ? ResilientClients.Throttled() : StubHandler.Response(HttpStatusCode.OK, Page(token));
        });
        using var client = ResilientClients.Create(stub, _environment, _clock);
        var ids = new List<string?>();

        async Task Scan()
        {
            await foreach (var e in client.Paginators.LookupEvents(new LookupEventsRequest()).Events.ConfigureAwait(false))
            {
                ids.Add(e.EventId);
            }
        }

        await Assert.ThrowsAsync<ThrottlingException>(() => _clock.RunAsync(Scan()));

        Assert.Equal(["e1", "e2"], ids);
        Assert.Equal(1 + 3, stub.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_between_items_of_one_page_stops_at_the_next_item()
    {
        var stub = new StubHandler((_, request) => StubHandler.Response(HttpStatusCode.OK, Page(null)));
        using var client = ResilientClients.Create(stub, _environment, _clock);
        using var cts = new CancellationTokenSource();
        var ids = new List<string?>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in client.Paginators.LookupEvents(new LookupEventsRequest()).Events.WithCancellation(cts.Token))
            {
                ids.Add(e.EventId);
                cts.Cancel();
            }
        });

        // e2 is on the same page as e1; it is not handed out after the cancellation.
        Assert.Equal(["e1"], ids);
        Assert.Single(stub.Requests);
    }
}
