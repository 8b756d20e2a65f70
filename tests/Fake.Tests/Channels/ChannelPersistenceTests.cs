using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Channels;

/// <summary>--data-dir: a channel, its tags, its resource policy, and a store's event configuration and federation survive a restart.</summary>
[Trait("Category", "Unit")]
public sealed class ChannelPersistenceTests : IDisposable
{
    private const string Region = "eu-west-2";
    private readonly string _directory = Directory.CreateTempSubdirectory("ct-fake-channels-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private FakeCloudTrail Open() => new(new FakeCloudTrailOptions { DataDirectory = _directory });

    [Fact]
    public async Task A_channel_keeps_its_ARN_name_destinations_tags_and_policy_across_a_restart()
    {
        string store, channel, policy, queried;
        using (var first = Open())
        using (var client = Clients.InProcess(first, Region))
        {
            store = await ActivityStores.CreateAsync(client, "durable-activity");
            channel = (await client.CreateChannelAsync(new CreateChannelRequest
            {
                Name = "durable-channel",
                SourceValue = "Custom",
                Destinations = new[] { ActivityStores.To(store) },
                Tags = new[] { new Tag { Key = "k", Value = "v" } },
            })).ChannelArn!;
            await client.UpdateChannelAsync(new UpdateChannelRequest { Channel = channel, Name = "renamed-channel" });
            await client.AddTagsAsync(new AddTagsRequest { ResourceId = channel, TagsList = new[] { new Tag { Key = "added", Value = "later" } } });
            policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"cloudtrail-data:PutAuditEvents\",\"Resource\":\"" + channel + "\"}]}";
            await client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = channel, ResourcePolicy = policy });
            await client.CreateChannelAsync(new CreateChannelRequest { Name = "deleted-channel", SourceValue = "Custom", Destinations = new[] { ActivityStores.To(store) } });
            await client.DeleteChannelAsync(new DeleteChannelRequest { Channel = "deleted-channel" });
            queried = (await client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "durable-management" })).EventDataStoreArn!;
            await client.PutEventConfigurationAsync(new PutEventConfigurationRequest { EventDataStore = queried, MaxEventSize = MaxEventSize.Large });
            await client.EnableFederationAsync(new EnableFederationRequest { EventDataStore = queried, FederationRoleArn = "arn:aws:iam::111122223333:role/federation" });
        }

        using var second = Open();
        using var again = Clients.InProcess(second, Region);
        var got = await again.GetChannelAsync(new GetChannelRequest { Channel = channel });
        Assert.Equal("renamed-channel", got.Name);
        Assert.Equal(store, Assert.Single(got.Destinations!).Location);
        Assert.Equal(new[] { "renamed-channel" }, (await again.ListChannelsAsync(new ListChannelsRequest())).Channels!.Select(c => c.Name));
        var tags = Assert.Single((await again.ListTagsAsync(new ListTagsRequest { ResourceIdList = new[] { channel } })).ResourceTagList!).TagsList!;
        Assert.Equal(new[] { "k", "added" }, tags.Select(t => t.Key));
        Assert.Equal(policy, (await again.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = channel })).ResourcePolicy);
        Assert.Equal(MaxEventSize.Large, (await again.GetEventConfigurationAsync(new GetEventConfigurationRequest { EventDataStore = queried })).MaxEventSize);

        // The replayed EnableFederation starts its transition again at start-up; the role is what was given.
        var federated = await again.GetEventDataStoreAsync(new GetEventDataStoreRequest { EventDataStore = queried });
        Assert.Equal("arn:aws:iam::111122223333:role/federation", federated.FederationRoleArn);
        Assert.NotEqual(FederationStatus.Disabled, federated.FederationStatus);
    }
}
