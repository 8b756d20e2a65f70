using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests;

/// <summary>The fake on Kestrel, in-process: loopback, a free port each, gone when disposed.</summary>
[Trait("Category", "Integration")]
public sealed class HostingTests
{
    [Fact]
    public async Task Hosts_listen_on_loopback_on_ports_of_their_own()
    {
        await using var first = await FakeCloudTrailHost.StartAsync();
        await using var second = await FakeCloudTrailHost.StartAsync();

        Assert.Equal("127.0.0.1", first.Endpoint.Host);
        Assert.NotEqual(0, first.Endpoint.Port);
        Assert.NotEqual(first.Endpoint.Port, second.Endpoint.Port);
        Assert.Equal(200, (await RawCall.PostAsync(first.Endpoint, RawCall.Target("ListTrails"), "{}")).Status);
        Assert.Equal(200, (await RawCall.PostAsync(second.Endpoint, RawCall.Target("ListTrails"), "{}")).Status);
    }

    [Fact]
    public async Task Hosts_do_not_share_state()
    {
        await using var first = await FakeCloudTrailHost.StartAsync();
        await using var second = await FakeCloudTrailHost.StartAsync();
        using var a = Clients.OverHttp(first.Endpoint, "us-east-1");
        using var b = Clients.OverHttp(second.Endpoint, "us-east-1");

        await a.CreateTrailAsync(new CreateTrailRequest { Name = "only-in-first", S3BucketName = "bucket" });

        Assert.Single((await a.ListTrailsAsync(new ListTrailsRequest())).Trails!);
        Assert.Empty((await b.ListTrailsAsync(new ListTrailsRequest())).Trails!);
    }

    [Fact]
    public async Task A_disposed_host_stops_serving()
    {
        var host = await FakeCloudTrailHost.StartAsync();
        var endpoint = host.Endpoint;
        var marker = await RawCall.PostAsync(endpoint, RawCall.Target("CreateTrail"), """{"Name":"marker-trail","S3BucketName":"bucket"}""");
        Assert.Equal(200, marker.Status);
        await host.DisposeAsync();

        // Usually the port is closed; if a parallel test's host happens to get the same port, it must be another fake.
        try
        {
            var answer = await RawCall.PostAsync(endpoint, RawCall.Target("GetTrail"), """{"Name":"marker-trail"}""");
            Assert.Equal("TrailNotFoundException", answer.ErrorType);
        }
        catch (HttpRequestException error)
        {
            Assert.IsType<SocketException>(error.InnerException);
        }
    }

    [Fact]
    public async Task A_host_serves_the_fake_it_was_given()
    {
        var server = new FakeCloudTrail();
        await using var host = await FakeCloudTrailHost.StartAsync(new FakeCloudTrailHostOptions { Fake = server });

        Assert.Same(server, host.Fake);
    }

    [Fact]
    public async Task Our_client_over_HTTP_gets_the_same_answers_as_in_process()
    {
        await using var host = await FakeCloudTrailHost.StartAsync();
        using var overHttp = Clients.OverHttp(host.Endpoint, "eu-central-1");
        using var inProcess = Clients.InProcess(host.Fake, "eu-central-1");

        var created = await overHttp.CreateTrailAsync(new CreateTrailRequest { Name = "shared-trail", S3BucketName = "bucket" });
        var got = await inProcess.GetTrailAsync(new GetTrailRequest { Name = "shared-trail" });

        Assert.Equal(created.TrailARN, got.Trail!.TrailARN);
    }
}
