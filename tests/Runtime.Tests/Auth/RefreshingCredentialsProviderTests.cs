using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Runtime.Tests.Auth;

[Trait("Category", "Unit")]
public sealed class RefreshingCredentialsProviderTests
{
    [Fact]
    public async Task Credentials_are_cached_until_five_minutes_before_expiry_then_refreshed()
    {
        var clock = new ManualTimeProvider();
        var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1));

        var first = await provider.GetCredentialsAsync();
        clock.Advance(TimeSpan.FromMinutes(54));
        Assert.Same(first, await provider.GetCredentialsAsync());
        Assert.Equal(1, provider.Fetches);

        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1)); // 55:01: inside the 5-minute window
        var second = await provider.GetCredentialsAsync();
        Assert.NotSame(first, second);
        Assert.Equal(2, provider.Fetches);
        Assert.Equal("KEY2", second.AccessKeyId);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_fetch()
    {
        var clock = new ManualTimeProvider();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1), gate.Task);
        var callers = new List<Task<AwsCredentials>>();
        for (var i = 0; i < 20; i++)
        {
            callers.Add(Task.Run(async () => await provider.GetCredentialsAsync()));
        }

        await provider.FirstFetchStarted;
        gate.SetResult();
        var results = await Task.WhenAll(callers);
        Assert.Equal(1, provider.Fetches);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task A_failed_refresh_keeps_unexpired_credentials_and_throws_once_they_expired()
    {
        var clock = new ManualTimeProvider();
        var provider = new ScriptedProvider(clock, TimeSpan.FromHours(1));
        var first = await provider.GetCredentialsAsync();
        provider.FailNext = true;

        clock.Advance(TimeSpan.FromMinutes(58));
        Assert.Same(first, await provider.GetCredentialsAsync());

        clock.Advance(TimeSpan.FromMinutes(3)); // past expiry
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(async () => await provider.GetCredentialsAsync());
        Assert.Equal("scripted", error.CredentialSource);
    }

    [Fact]
    public async Task Short_lived_credentials_are_refreshed_at_half_their_life_not_on_every_call()
    {
        var clock = new ManualTimeProvider();
        var provider = new ScriptedProvider(clock, TimeSpan.FromMinutes(4));
        await provider.GetCredentialsAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        await provider.GetCredentialsAsync();
        Assert.Equal(1, provider.Fetches);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await provider.GetCredentialsAsync();
        Assert.Equal(2, provider.Fetches);
    }

    [Fact]
    public void ToString_never_shows_the_secret_or_token()
    {
        var text = new AwsCredentials("AKID", "the-secret", "the-token", new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToString();
        Assert.Equal("AwsCredentials { AccessKeyId = AKID, SecretAccessKey = ***, SessionToken = ***, Expiration = 2030-01-01T00:00:00.0000000+00:00 }", text);
        Assert.DoesNotContain("the-secret", new StaticCredentialsProvider(new AwsCredentials("AKID", "the-secret")).ToString());
    }

    private sealed class ScriptedProvider : RefreshingCredentialsProvider
    {
        private readonly TimeSpan _lifetime;
        private readonly Task? _gate;
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _fetches;

        public ScriptedProvider(TimeProvider clock, TimeSpan lifetime, Task? gate = null)
            : base(clock)
        {
            _lifetime = lifetime;
            _gate = gate;
        }

        public int Fetches => Volatile.Read(ref _fetches);

        public bool FailNext { get; set; }

        public Task FirstFetchStarted => _started.Task;

        protected override async Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
        {
            _started.TrySetResult();
            if (_gate is not null)
            {
                await _gate;
            }

            if (FailNext)
            {
                throw new AwsCredentialsException("scripted", "down");
            }

            var n = Interlocked.Increment(ref _fetches);
            return new AwsCredentials("KEY" + n, "secret" + n, "token" + n, TimeProvider.GetUtcNow() + _lifetime);
        }
    }
}
