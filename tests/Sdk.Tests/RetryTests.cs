using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Runtime.Retry;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Sdk.Tests;

/// <summary>AWS "standard" retries, driven through the generated client against the in-process stub on a fake clock.</summary>
[Trait("Category", "Unit")]
public sealed class RetryTests : IDisposable
{
    private readonly FakeEnvironment _environment = FakeEnvironment.WithPrivateHome();
    private readonly ManualTimeProvider _clock = new();

    public void Dispose() => _environment.Dispose();

    private static GetTrailRequest GetTrail() => new() { Name = "trail-1" };

    [Fact]
    public async Task A_throttling_400_is_retried_and_each_attempt_is_signed_afresh()
    {
        var stub = new StubHandler((i, _) =>
        {
            if (i == 0)
            {
                // The first attempt takes a while, so the retry happens at a later signing time.
                _clock.Advance(TimeSpan.FromSeconds(5));
                return ResilientClients.Throttled();
            }

            return ResilientClients.Ok("""{"Trail":{"Name":"trail-1"}}""");
        });
        using var client = ResilientClients.Create(stub, _environment, _clock);

        var response = await _clock.RunAsync(client.GetTrailAsync(GetTrail()));

        Assert.Equal("trail-1", response.Trail!.Name);
        Assert.Equal(2, stub.Requests.Count);
        Assert.NotEqual(stub.Requests[0].Header("X-Amz-Date"), stub.Requests[1].Header("X-Amz-Date"));
        Assert.NotEqual(stub.Requests[0].Header("Authorization"), stub.Requests[1].Header("Authorization"));
        Assert.Equal(stub.Requests[0].Body, stub.Requests[1].Body);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task A_5xx_is_retried_up_to_three_attempts_by_default(HttpStatusCode status)
    {
        var stub = new StubHandler((_, _) => ResilientClients.Error(status));
        using var client = ResilientClients.Create(stub, _environment, _clock);

        var error = await Assert.ThrowsAsync<CloudTrailException>(() => _clock.RunAsync(client.GetTrailAsync(GetTrail())));

        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Theory]
    [InlineData("RequestTimeout")]
    [InlineData("InternalError")]
    [InlineData("RequestLimitExceeded")]
    public async Task Transient_and_throttling_codes_are_retried_whatever_the_status(string code)
    {
        var stub = new StubHandler((i, _) => i < 2 ? ResilientClients.Error(HttpStatusCode.BadRequest, code) : ResilientClients.Ok());
        using var client = ResilientClients.Create(stub, _environment, _clock);

        await _clock.RunAsync(client.GetTrailAsync(GetTrail()));

        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Network_errors_are_retried()
    {
        var stub = new StubHandler((i, _) => i switch
        {
            0 => throw new HttpRequestException("connection refused"),
            1 => throw new IOException("connection reset by peer"),
            _ => ResilientClients.Ok(),
        });
        using var client = ResilientClients.Create(stub, _environment, _clock);

        await _clock.RunAsync(client.GetTrailAsync(GetTrail()));

        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task The_last_network_error_surfaces_when_attempts_run_out()
    {
        var stub = new StubHandler((_, _) => throw new HttpRequestException("connection refused"));
        using var client = ResilientClients.Create(stub, _environment, _clock);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _clock.RunAsync(client.GetTrailAsync(GetTrail())));

        Assert.Equal("connection refused", error.Message);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "InvalidTrailNameException")]
    [InlineData(HttpStatusCode.BadRequest, "ValidationException")]
    [InlineData(HttpStatusCode.Forbidden, "AccessDeniedException")]
    [InlineData(HttpStatusCode.NotFound, "TrailNotFoundException")]
    [InlineData(HttpStatusCode.NotImplemented, "NotImplemented")]
    public async Task Client_errors_are_not_retried(HttpStatusCode status, string code)
    {
        var stub = new StubHandler((_, _) => ResilientClients.Error(status, code));
        using var client = ResilientClients.Create(stub, _environment, _clock);

        var error = await Assert.ThrowsAnyAsync<CloudTrailException>(() => _clock.RunAsync(client.GetTrailAsync(GetTrail())));

        Assert.Equal(code, error.ErrorCode);
        Assert.Single(stub.Requests);
        Assert.Equal(TimeSpan.Zero, _clock.Elapsed);
    }

    [Fact]
    public async Task The_throttling_exception_surfaces_typed_after_the_last_attempt()
    {
        var stub = new StubHandler((_, _) => ResilientClients.Throttled());
        using var client = ResilientClients.Create(stub, _environment, _clock);

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => _clock.RunAsync(client.GetTrailAsync(GetTrail())));

        Assert.Equal("throttled", error.RequestId);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Backoff_waits_on_the_clock_with_full_jitter_below_the_exponential_ceiling()
    {
        var stub = new StubHandler((_, _) => ResilientClients.Error(HttpStatusCode.ServiceUnavailable));
        using var client = ResilientClients.Create(stub, _environment, _clock, o => o.Retry.MaxAttempts = 4);

        var call = client.GetTrailAsync(GetTrail());
        Assert.Single(stub.Requests);
        Assert.False(call.IsCompleted);

        await Assert.ThrowsAsync<CloudTrailException>(() => _clock.RunAsync(call));

        Assert.Equal(4, stub.Requests.Count);

        // Three backoffs of at most 1 s, 2 s and 4 s.
        Assert.InRange(_clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task AWS_MAX_ATTEMPTS_sets_the_attempts()
    {
        var stub = new StubHandler((_, _) => ResilientClients.Throttled());
        var environment = new FakeEnvironment(_environment.HomeDirectory).Set("AWS_MAX_ATTEMPTS", "5");
        using var client = ResilientClients.Create(stub, environment, _clock);

        await Assert.ThrowsAsync<ThrottlingException>(() => _clock.RunAsync(client.GetTrailAsync(GetTrail())));

        Assert.Equal(5, stub.Requests.Count);
    }

    [Fact]
    public async Task The_options_win_over_AWS_MAX_ATTEMPTS()
    {
        var stub = new StubHandler((_, _) => ResilientClients.Throttled());
        var environment = new FakeEnvironment(_environment.HomeDirectory).Set("AWS_MAX_ATTEMPTS", "5");
        using var client = ResilientClients.Create(stub, environment, _clock, o => o.Retry = new AwsRetryOptions { MaxAttempts = 2 });

        await Assert.ThrowsAsync<ThrottlingException>(() => _clock.RunAsync(client.GetTrailAsync(GetTrail())));

        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task One_attempt_means_no_retries()
    {
        var stub = new StubHandler((_, _) => ResilientClients.Throttled());
        var environment = new FakeEnvironment(_environment.HomeDirectory).Set("AWS_MAX_ATTEMPTS", "1");
        using var client = ResilientClients.Create(stub, environment, _clock);

        await Assert.ThrowsAsync<ThrottlingException>(() => client.GetTrailAsync(GetTrail()));

        Assert.Single(stub.Requests);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("three")]
    public void A_malformed_AWS_MAX_ATTEMPTS_fails_at_construction_naming_the_variable(string value)
    {
        var environment = new FakeEnvironment(_environment.HomeDirectory).Set("AWS_MAX_ATTEMPTS", value);

        var error = Assert.Throws<AwsConfigurationException>(() => ResilientClients.Create(new StubHandler((_, _) => ResilientClients.Ok()), environment, _clock));

        Assert.Contains("AWS_MAX_ATTEMPTS", error.Message);
    }

    [Fact]
    public void An_explicit_max_attempts_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ResilientClients.Create(new StubHandler((_, _) => ResilientClients.Ok()), _environment, _clock, o => o.Retry.MaxAttempts = 0));
    }

    [Fact]
    public async Task An_exhausted_retry_quota_stops_retries_until_successes_refill_it()
    {
        var failing = true;
        var stub = new StubHandler((_, _) => failing ? ResilientClients.Error(HttpStatusCode.InternalServerError) : ResilientClients.Ok());

        // 10 tokens: two retries of 5, then the quota is dry.
        using var client = ResilientClients.Create(stub, _environment, _clock, o => o.Retry.QuotaCapacity = 10);

        await Assert.ThrowsAsync<CloudTrailException>(() => _clock.RunAsync(client.GetTrailAsync(GetTrail())));
        Assert.Equal(3, stub.Requests.Count);

        await Assert.ThrowsAsync<CloudTrailException>(() => _clock.RunAsync(client.GetTrailAsync(GetTrail())));
        Assert.Equal(4, stub.Requests.Count);

        // Five first-try successes refund one token each: enough for one retry again.
        failing = false;
        for (var i = 0; i < 5; i++)
        {
            await client.GetTrailAsync(GetTrail());
        }

        failing = true;
        await Assert.ThrowsAsync<CloudTrailException>(() => _clock.RunAsync(client.GetTrailAsync(GetTrail())));
        Assert.Equal(4 + 5 + 2, stub.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_stops_the_call_with_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        var stub = new StubHandler((_, _) => ResilientClients.Throttled());
        using var client = ResilientClients.Create(stub, _environment, _clock, o => o.Retry.MaxAttempts = 10);

        var call = client.GetTrailAsync(GetTrail(), cts.Token);
        Assert.Single(stub.Requests);
        cts.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_token_cancelled_up_front_sends_nothing()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var stub = new StubHandler((_, _) => ResilientClients.Ok());
        using var client = ResilientClients.Create(stub, _environment, _clock);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetTrailAsync(GetTrail(), cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.LookupEventsAsync(new LookupEventsRequest(), cts.Token));

        Assert.Empty(stub.Requests);
    }
}
