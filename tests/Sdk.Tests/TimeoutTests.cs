using System;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Http;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Sdk.Tests;

/// <summary>The attempt and total timeouts, on a fake clock against a server that never answers.</summary>
[Trait("Category", "Unit")]
public sealed class TimeoutTests : IDisposable
{
    private readonly FakeEnvironment _environment = FakeEnvironment.WithPrivateHome();
    private readonly ManualTimeProvider _clock = new();

    public void Dispose() => _environment.Dispose();

    private static GetTrailRequest GetTrail() => new() { Name = "trail-1" };

    [Fact]
    public async Task A_hung_attempt_times_out_and_is_retried()
    {
        var stub = new StubHandler((_, _) => ResilientClients.Ok("""{"Trail":{"Name":"trail-1"}}"""));
        var hanging = new HangingHandler(1, stub);
        using var client = ResilientClients.Create(hanging, _environment, _clock, o => o.AttemptTimeout = TimeSpan.FromSeconds(2));

        var response = await _clock.RunAsync(client.GetTrailAsync(GetTrail()));

        Assert.Equal("trail-1", response.Trail!.Name);
        Assert.Equal(1, hanging.Hung);
        Assert.Single(stub.Requests);
        Assert.InRange(_clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task When_every_attempt_times_out_the_error_names_the_attempt_timeout()
    {
        var hanging = new HangingHandler(int.MaxValue, new StubHandler((_, _) => ResilientClients.Ok()));
        using var client = ResilientClients.Create(hanging, _environment, _clock, o => o.AttemptTimeout = TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<AwsTimeoutException>(() => _clock.RunAsync(client.GetTrailAsync(GetTrail())));

        Assert.Equal(AwsTimeoutKind.Attempt, error.Kind);
        Assert.Equal("GetTrail", error.Operation);
        Assert.Equal(TimeSpan.FromSeconds(2), error.Timeout);
        Assert.Contains("AttemptTimeout", error.Message);
        Assert.IsAssignableFrom<TimeoutException>(error);
        Assert.Equal(3, hanging.Hung);
    }

    [Fact]
    public async Task The_total_timeout_ends_the_call_and_is_not_retried()
    {
        var hanging = new HangingHandler(int.MaxValue, new StubHandler((_, _) => ResilientClients.Ok()));
        using var client = ResilientClients.Create(hanging, _environment, _clock, o => o.Timeout = TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<AwsTimeoutException>(() => _clock.RunAsync(client.GetTrailAsync(GetTrail())));

        Assert.Equal(AwsTimeoutKind.Total, error.Kind);
        Assert.Contains("total timeout", error.Message);
        Assert.Equal(1, hanging.Hung);
        Assert.Equal(TimeSpan.FromSeconds(10), _clock.Elapsed);
    }

    [Fact]
    public async Task The_total_timeout_covers_retries_and_backoffs()
    {
        var hanging = new HangingHandler(int.MaxValue, new StubHandler((_, _) => ResilientClients.Ok()));
        using var client = ResilientClients.Create(hanging, _environment, _clock, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(3);
            o.Timeout = TimeSpan.FromSeconds(7);
            o.Retry.MaxAttempts = 10;
        });

        var error = await Assert.ThrowsAsync<AwsTimeoutException>(() => _clock.RunAsync(client.GetTrailAsync(GetTrail())));

        Assert.Equal(AwsTimeoutKind.Total, error.Kind);
        Assert.InRange(hanging.Hung, 2, 3);
        Assert.Equal(TimeSpan.FromSeconds(7), _clock.Elapsed);
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_timeout()
    {
        using var cts = new CancellationTokenSource();
        var hanging = new HangingHandler(int.MaxValue, new StubHandler((_, _) => ResilientClients.Ok()));
        using var client = ResilientClients.Create(hanging, _environment, _clock, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(3);
            o.Timeout = TimeSpan.FromSeconds(7);
        });

        var call = client.GetTrailAsync(GetTrail(), cts.Token);
        cts.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotType<AwsTimeoutException>(error.InnerException);
        Assert.Equal(1, hanging.Hung);
    }

    [Fact]
    public void Timeouts_must_be_positive()
    {
        var stub = new StubHandler((_, _) => ResilientClients.Ok());
        Assert.Throws<ArgumentOutOfRangeException>(() => ResilientClients.Create(stub, _environment, _clock, o => o.Timeout = TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResilientClients.Create(stub, _environment, _clock, o => o.AttemptTimeout = TimeSpan.FromSeconds(-1)));
        using var infinite = ResilientClients.Create(stub, _environment, _clock, o => o.Timeout = Timeout.InfiniteTimeSpan);
    }
}
