using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using CloudTrailSdk.Extensions;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Pacing;
using CloudTrailSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudTrailSdk.Extensions.Tests;

[Trait("Category", "Unit")]
public sealed class AddCloudTrailClientTests
{
    private readonly ManualTimeProvider _clock = new();

    private ServiceProvider Build(Stub stub, Action<AwsClientOptions>? extra = null, ListLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        }

        services.AddCloudTrailClient(o =>
            {
                o.Region = "eu-west-1";
                o.Endpoint = "https://cloudtrail.di.example";
                o.Credentials = new AwsCredentials("AKID", "DI-SECRET-KEY");
                o.Environment = new FakeEnvironment();
                o.TimeProvider = _clock;
                extra?.Invoke(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => stub);
        return services.BuildServiceProvider(validateScopes: true);
    }

    [Fact]
    public async Task The_client_is_one_singleton_behind_both_types_and_sends_through_the_factorys_handler()
    {
        var stub = new Stub(_ => Stub.Json(HttpStatusCode.OK, """{"trailList":[{"Name":"t"}]}"""));
        using var provider = Build(stub);

        var client = provider.GetRequiredService<ICloudTrailClient>();
        var concrete = provider.GetRequiredService<CloudTrailClient>();
        var response = await client.DescribeTrailsAsync(new DescribeTrailsRequest());

        Assert.Same(concrete, client);
        Assert.Same(client, provider.GetRequiredService<ICloudTrailClient>());
        Assert.Equal(new Uri("https://cloudtrail.di.example"), concrete.Endpoint);
        Assert.Equal("t", Assert.Single(response.TrailList!).Name);
        Assert.Equal(1, stub.Count);
        Assert.EndsWith(".DescribeTrails", Assert.Single(stub.Targets));
    }

    [Fact]
    public async Task Handlers_added_to_the_returned_builder_see_every_attempt()
    {
        var stub = new Stub(i => i == 0 ? Stub.Json(HttpStatusCode.ServiceUnavailable, "{}") : Stub.Json(HttpStatusCode.OK, "{}"));
        var counting = new CountingHandler();
        var services = new ServiceCollection();
        services.AddCloudTrailClient(o =>
            {
                o.Region = "eu-west-1";
                o.Credentials = new AwsCredentials("AKID", "SECRET");
                o.Environment = new FakeEnvironment();
                o.TimeProvider = _clock;
            })
            .ConfigurePrimaryHttpMessageHandler(() => stub)
            .AddHttpMessageHandler(() => counting);
        using var provider = services.BuildServiceProvider();

        await _clock.RunAsync(provider.GetRequiredService<ICloudTrailClient>().DescribeTrailsAsync(new DescribeTrailsRequest()));

        Assert.Equal(2, counting.Count);
        Assert.Equal(2, stub.Count);
    }

    [Fact]
    public async Task Retries_are_logged_to_ILogger_without_secrets()
    {
        var stub = new Stub(i => i == 0
            ? Stub.Json(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""")
            : Stub.Json(HttpStatusCode.OK, "{}"));
        var logs = new ListLoggerProvider();
        using var provider = Build(stub, logs: logs);

        await _clock.RunAsync(provider.GetRequiredService<ICloudTrailClient>().LookupEventsAsync(new LookupEventsRequest()));

        var mine = logs.Lines.Where(l => l.Category == AwsLogBridge.Category).ToList();
        var retry = Assert.Single(mine, l => l.Level == LogLevel.Warning);
        Assert.Contains("LookupEvents attempt 1", retry.Text);
        Assert.Contains("ThrottlingException", retry.Text);
        Assert.Contains("next attempt in", retry.Text);
        Assert.IsType<ThrottlingException>(retry.Exception);
        var success = Assert.Single(mine, l => l.Level == LogLevel.Debug && l.Text.Contains("attempt 2 succeeded", StringComparison.Ordinal));
        Assert.DoesNotContain("error", success.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(mine, l => l.Text.Contains("(null)", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => (l.Text + l.Exception).Contains("DI-SECRET-KEY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_set_in_configure_are_honoured()
    {
        var stub = new Stub(_ => Stub.Json(HttpStatusCode.OK, "{}"));
        using var provider = Build(stub, o => o.Pacing = AwsPacing.Off);
        var client = provider.GetRequiredService<ICloudTrailClient>();

        for (var i = 0; i < 5; i++)
        {
            var call = client.LookupEventsAsync(new LookupEventsRequest());
            Assert.True(call.IsCompleted, "pacing was configured off, yet a call waited");
            await call;
        }

        Assert.Equal(5, stub.Count);
    }

    [Fact]
    public async Task Pacing_is_shared_by_everyone_who_resolves_the_client()
    {
        var stub = new Stub(_ => Stub.Json(HttpStatusCode.OK, "{}"));
        using var provider = Build(stub);

        async Task TwoConsumers()
        {
            await provider.GetRequiredService<ICloudTrailClient>().LookupEventsAsync(new LookupEventsRequest()).ConfigureAwait(false);
            await provider.GetRequiredService<CloudTrailClient>().LookupEventsAsync(new LookupEventsRequest()).ConfigureAwait(false);
        }

        await _clock.RunAsync(TwoConsumers());

        Assert.Equal(TimeSpan.FromSeconds(0.5), _clock.Elapsed);
    }

    [Fact]
    public void Null_services_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => CloudTrailServiceCollectionExtensions.AddCloudTrailClient(null!));
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public int Count { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            Count++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
