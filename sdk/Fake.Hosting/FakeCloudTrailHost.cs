using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CloudTrailSdk.Fake.Hosting;

/// <summary>
/// The fake CloudTrail on Kestrel: real sockets, so any AWS client (boto3, the AWS CLI, the JavaScript SDK) can drive it
/// with nothing but an endpoint URL. <c>await using var host = await FakeCloudTrailHost.StartAsync();</c>
/// </summary>
public sealed class FakeCloudTrailHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsFake;

    private FakeCloudTrailHost(WebApplication app, FakeCloudTrail fake, bool ownsFake, IReadOnlyList<Uri> endpoints)
    {
        _app = app;
        _ownsFake = ownsFake;
        Fake = fake;
        Endpoints = endpoints;
    }

    /// <summary>The fake behind the host, for seeding and inspection.</summary>
    public FakeCloudTrail Fake { get; }

    /// <summary>Every address the host listens on, with the ports actually bound.</summary>
    public IReadOnlyList<Uri> Endpoints { get; }

    /// <summary>The first address: what to give a client as its endpoint URL.</summary>
    public Uri Endpoint => Endpoints[0];

    /// <summary>Starts listening; returns once the sockets are bound, so the endpoint is usable at once.</summary>
    public static async Task<FakeCloudTrailHost> StartAsync(FakeCloudTrailHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeCloudTrailHostOptions();
        if (options.Urls.Count == 0)
        {
            throw new ArgumentException("At least one URL to listen on is required.", nameof(options));
        }

        var fake = options.Fake ?? new FakeCloudTrail(options.FakeOptions);

        // The empty builder reads no environment variables, appsettings or command line: a test's host is exactly what
        // these options say, whatever ASPNETCORE_* variables the machine has.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // The bridge enforces the fake's own body limit and answers it with an AWS-shaped error; Kestrel's would
            // answer with an empty 413.
            k.Limits.MaxRequestBodySize = null;
        });
        builder.WebHost.UseUrls(string.Join(";", options.Urls));
        var app = builder.Build();
        app.Run(context => KestrelBridge.ServeAsync(context, fake));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var endpoints = (addresses ?? (ICollection<string>)Array.Empty<string>()).Select(a => new Uri(a)).ToList();
        if (endpoints.Count == 0)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            if (options.Fake is null)
            {
                fake.Dispose();
            }

            throw new InvalidOperationException("Kestrel started but reported no address.");
        }

        return new FakeCloudTrailHost(app, fake, options.Fake is null, endpoints);
    }

    /// <summary>Stops listening; calls in flight finish first.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);

        // A fake the caller handed in is the caller's to dispose (it may outlive the host); one made here is ours.
        if (_ownsFake)
        {
            Fake.Dispose();
        }
    }
}
