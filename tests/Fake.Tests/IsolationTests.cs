using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests;

/// <summary>State per account and region: the region from the signature's scope, the account from the access key.</summary>
[Trait("Category", "Unit")]
public sealed class IsolationTests
{
    [Fact]
    public async Task Regions_from_the_signature_keep_their_own_trails_and_events()
    {
        await using var host = await FakeCloudTrailHost.StartAsync();
        using var east = Clients.OverHttp(host.Endpoint, "us-east-1");
        using var west = Clients.OverHttp(host.Endpoint, "us-west-1");

        var created = await east.CreateTrailAsync(new CreateTrailRequest { Name = "east-trail", S3BucketName = "bucket" });

        Assert.Equal("us-east-1", created.TrailARN!.Split(':')[3]);
        Assert.Empty((await west.ListTrailsAsync(new ListTrailsRequest())).Trails!);
        var westEvents = await west.LookupEventsAsync(new LookupEventsRequest());
        Assert.DoesNotContain(westEvents.Events!, e => e.EventName == "CreateTrail");
    }

    [Fact]
    public async Task Access_keys_mapped_to_other_accounts_see_other_trails()
    {
        const string otherKey = "AKIAOTHERACCOUNT0001";
        const string otherAccount = "210987654321";
        var server = new FakeCloudTrail(new FakeCloudTrailOptions { Accounts = new Dictionary<string, string> { [otherKey] = otherAccount } });
        using var mine = Clients.InProcess(server, "us-east-1");
        using var theirs = Clients.InProcess(server, "us-east-1", otherKey);

        var myTrail = await mine.CreateTrailAsync(new CreateTrailRequest { Name = "same-name", S3BucketName = "bucket" });
        var theirTrail = await theirs.CreateTrailAsync(new CreateTrailRequest { Name = "same-name", S3BucketName = "bucket" });

        Assert.Equal(server.Options.DefaultAccountId, myTrail.TrailARN!.Split(':')[4]);
        Assert.Equal(otherAccount, theirTrail.TrailARN!.Split(':')[4]);
        Assert.Single((await theirs.ListTrailsAsync(new ListTrailsRequest())).Trails!);
    }

    [Fact]
    public async Task Concurrent_clients_lose_no_updates()
    {
        await using var host = await FakeCloudTrailHost.StartAsync();
        const int clients = 8;
        const int tagsEach = 5;
        using var setup = Clients.OverHttp(host.Endpoint, "us-east-1");
        var arn = (await setup.CreateTrailAsync(new CreateTrailRequest { Name = "contended", S3BucketName = "bucket" })).TrailARN!;

        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            using var client = Clients.OverHttp(host.Endpoint, "us-east-1");
            for (var t = 0; t < tagsEach; t++)
            {
                await client.AddTagsAsync(new AddTagsRequest { ResourceId = arn, TagsList = new[] { new Tag { Key = "c" + c + "-t" + t } } });
            }
        }));

        var tags = Assert.Single((await setup.ListTagsAsync(new ListTagsRequest { ResourceIdList = new[] { arn } })).ResourceTagList!).TagsList!;
        Assert.Equal(clients * tagsEach, tags.Count);
    }
}
