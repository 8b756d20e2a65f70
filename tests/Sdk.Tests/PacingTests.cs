using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Pacing;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Sdk.Tests;

/// <summary>LookupEvents pacing (2 requests/s per client and region by default), measured on a fake clock.</summary>
[Trait("Category", "Unit")]
public sealed class PacingTests : IDisposable
{
    private readonly FakeEnvironment _environment = FakeEnvironment.WithPrivateHome();
    private readonly ManualTimeProvider _clock = new();
    private readonly List<TimeSpan> _sentAt = new();

    public void Dispose() => _environment.Dispose();

    /// <summary>Answers every request at once and notes the fake time it arrived.</summary>
    private StubHandler Recording(string body = "{}") => new((_, _) =>
    {
        _sentAt.Add(_clock.Elapsed);
        return StubHandler.Response(HttpStatusCode.OK, body);
    });

    private async Task TenLookups(CloudTrailClient client)
    {
        for (var i = 0; i < 10; i++)
        {
            await client.LookupEventsAsync(new LookupEventsRequest()).ConfigureAwait(false);
        }
    }

    [Fact]
    public async Task Ten_LookupEvents_calls_take_at_least_four_and_a_half_seconds()
    {
        var stub = Recording();
        using var client = ResilientClients.Create(stub, _environment, _clock);

        await _clock.RunAsync(TenLookups(client));

        Assert.Equal(10, stub.Requests.Count);
        Assert.True(_clock.Elapsed >= TimeSpan.FromSeconds(4.5), "elapsed " + _clock.Elapsed);
        Assert.True(_clock.Elapsed < TimeSpan.FromSeconds(5), "elapsed " + _clock.Elapsed);
        for (var i = 1; i < _sentAt.Count; i++)
        {
            Assert.True(_sentAt[i] - _sentAt[i - 1] >= TimeSpan.FromSeconds(0.5), "request " + i + " followed too soon");
        }
    }

    [Fact]
    public async Task Other_operations_are_not_paced()
    {
        var stub = Recording();
        using var client = ResilientClients.Create(stub, _environment, _clock);

        for (var i = 0; i < 10; i++)
        {
            var call = client.GetTrailAsync(new GetTrailRequest { Name = "trail-1" });
            Assert.True(call.IsCompleted, "GetTrail waited for something");
            await call;
        }

        Assert.Equal(10, stub.Requests.Count);
        Assert.Equal(TimeSpan.Zero, _clock.Elapsed);
    }

    [Fact]
    public async Task Pacing_can_be_turned_off()
    {
        var stub = Recording();
        using var client = ResilientClients.Create(stub, _environment, _clock, o => o.Pacing = AwsPacing.Off);

        await _clock.RunAsync(TenLookups(client));

        Assert.Equal(10, stub.Requests.Count);
        Assert.Equal(TimeSpan.Zero, _clock.Elapsed);
    }

    [Fact]
    public async Task A_custom_rate_replaces_the_models()
    {
        var stub = Recording();
        using var client = ResilientClients.Create(stub, _environment, _clock, o => o.Pacing = AwsPacing.PerSecond(1));

        await _clock.RunAsync(TenLookups(client));

        Assert.Equal(TimeSpan.FromSeconds(9), _clock.Elapsed);
    }

    [Fact]
    public async Task A_burst_lets_the_first_calls_through_at_once()
    {
        var stub = Recording();
        using var client = ResilientClients.Create(stub, _environment, _clock, o => o.Pacing = AwsPacing.ModelRateWithBurst(3));

        await _clock.RunAsync(TenLookups(client));

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero], _sentAt.Take(3));
        Assert.Equal(TimeSpan.FromSeconds(3.5), _clock.Elapsed);
    }

    [Fact]
    public async Task Concurrent_calls_share_the_bucket_and_go_out_in_arrival_order()
    {
        using var arrived = new SemaphoreSlim(0);
        var stub = new StubHandler((_, request) =>
        {
            _sentAt.Add(_clock.Elapsed);
            arrived.Release();
            return StubHandler.Response(HttpStatusCode.OK, "{}");
        });
        using var client = ResilientClients.Create(stub, _environment, _clock);

        // Six calls at once: the first goes out, the other five hold reservations 0.5 s apart.
        var calls = Enumerable.Range(0, 6).Select(_ => client.LookupEventsAsync(new LookupEventsRequest())).ToArray();
        Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(5, _clock.PendingTimers);

        // Step the clock by hand (the waiters resume on the thread pool): each half second releases exactly one call.
        for (var i = 1; i < 6; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(0.4));
            Assert.Equal(6 - i, _clock.PendingTimers);
            _clock.Advance(TimeSpan.FromSeconds(0.1));
            Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(30)), "call " + i + " was not released");
        }

        await Task.WhenAll(calls);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => TimeSpan.FromSeconds(i * 0.5)), _sentAt);
    }

    [Fact]
    public async Task The_paginator_and_direct_calls_share_the_bucket_but_clients_do_not()
    {
        var stub = new StubHandler((_, request) =>
        {
            _sentAt.Add(_clock.Elapsed);
            var token = request.Json.TryGetProperty("NextToken", out var t) ? t.GetString() : null;
            var next = token switch { null => "\"t1\"", "t1" => "\"t2\"", _ => "null" };
            return StubHandler.Response(HttpStatusCode.OK, "{\"Events\":[{\"EventId\":\"e\"}],\"NextToken\":" + next + "}");
        });
        using var client = ResilientClients.Create(stub, _environment, _clock);
        using var other = ResilientClients.Create(stub, _environment, _clock);

        async Task ScanThenCall()
        {
            await foreach (var _ in client.Paginators.LookupEvents(new LookupEventsRequest()).Events.ConfigureAwait(false))
            {
            }

            await client.LookupEventsAsync(new LookupEventsRequest()).ConfigureAwait(false);
        }

        await _clock.RunAsync(ScanThenCall());
        Assert.Equal(TimeSpan.FromSeconds(1.5), _clock.Elapsed);

        // A different client has its own bucket: its first call goes out at once.
        var first = other.LookupEventsAsync(new LookupEventsRequest());
        Assert.True(first.IsCompleted);
        await first;
    }
}
