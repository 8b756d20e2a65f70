using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Channels;

/// <summary>CloudTrail Lake channels: lifecycle, lookup by ARN, id or name, paging, tags, and the errors AWS models.</summary>
[Trait("Category", "Unit")]
public sealed class ChannelTests
{
    // AWS's quotas: 25 channels per region, 50 tags per resource.
    private const int ChannelLimit = 25;
    private const int TagLimit = 50;

    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Start);
    private readonly FakeCloudTrail _fake;
    private readonly CloudTrailClient _client;

    public ChannelTests()
    {
        _fake = new FakeCloudTrail(new FakeCloudTrailOptions { TimeProvider = _clock });
        _client = Clients.InProcess(_fake, "us-east-1");
    }

    [Fact]
    public async Task A_channel_is_created_and_read_back_by_ARN_id_or_name()
    {
        var store = await ActivityStores.CreateAsync(_client, "activity");
        var created = await _client.CreateChannelAsync(new CreateChannelRequest
        {
            Name = "my-app",
            SourceValue = "Custom",
            Destinations = new[] { ActivityStores.To(store) },
            Tags = new[] { new Tag { Key = "team", Value = "sec" } },
        });

        Assert.StartsWith("arn:aws:cloudtrail:us-east-1:" + FakeCloudTrail.DefaultAccountId + ":channel/", created.ChannelArn, StringComparison.Ordinal);
        Assert.Equal("Custom", created.SourceValue);
        Assert.Equal("team", Assert.Single(created.Tags!).Key);
        var id = created.ChannelArn!.Split('/')[^1];
        foreach (var key in new[] { created.ChannelArn, id, "my-app" })
        {
            var got = await _client.GetChannelAsync(new GetChannelRequest { Channel = key });
            Assert.Equal(created.ChannelArn, got.ChannelArn);
            Assert.Equal("my-app", got.Name);
            Assert.Equal(store, Assert.Single(got.Destinations!).Location);
            Assert.Equal(false, got.SourceConfig!.ApplyToAllRegions);
            Assert.Null(got.IngestionStatus!.LatestIngestionAttemptTime);
        }
    }

    [Fact]
    public async Task Update_renames_and_retargets_and_delete_removes()
    {
        var first = await ActivityStores.CreateAsync(_client, "first");
        var second = await ActivityStores.CreateAsync(_client, "second");
        var arn = (await _client.CreateChannelAsync(new CreateChannelRequest { Name = "moving", SourceValue = "Custom", Destinations = new[] { ActivityStores.To(first) } })).ChannelArn!;

        var updated = await _client.UpdateChannelAsync(new UpdateChannelRequest { Channel = arn, Name = "moved", Destinations = new[] { ActivityStores.To(second) } });
        Assert.Equal("moved", updated.Name);
        Assert.Equal(second, Assert.Single(updated.Destinations!).Location);
        Assert.Equal("Custom", updated.SourceValue);
        var renamedOnly = await _client.UpdateChannelAsync(new UpdateChannelRequest { Channel = "moved", Name = "moved-again" });
        Assert.Equal(second, Assert.Single(renamedOnly.Destinations!).Location);

        await _client.DeleteChannelAsync(new DeleteChannelRequest { Channel = arn });
        await Assert.ThrowsAsync<ChannelNotFoundException>(() => _client.GetChannelAsync(new GetChannelRequest { Channel = arn }));
        await Assert.ThrowsAsync<ChannelNotFoundException>(() => _client.DeleteChannelAsync(new DeleteChannelRequest { Channel = arn }));
        await Assert.ThrowsAsync<ChannelNotFoundException>(() => _client.UpdateChannelAsync(new UpdateChannelRequest { Channel = arn, Name = "ghost" }));
    }

    [Fact]
    public async Task Channels_are_listed_in_pages_whose_token_is_bound_to_its_parameters()
    {
        var store = await ActivityStores.CreateAsync(_client, "paged");
        foreach (var name in new[] { "ch-a", "ch-b", "ch-c" })
        {
            await _client.CreateChannelAsync(new CreateChannelRequest { Name = name, SourceValue = "Custom", Destinations = new[] { ActivityStores.To(store) } });
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _client.ListChannelsAsync(new ListChannelsRequest { MaxResults = 2, NextToken = token });
            names.AddRange(page.Channels!.Select(c => c.Name!));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(new[] { "ch-a", "ch-b", "ch-c" }, names);
        Assert.Equal(2, pages);
        var firstToken = (await _client.ListChannelsAsync(new ListChannelsRequest { MaxResults = 2 })).NextToken!;
        await Assert.ThrowsAsync<InvalidNextTokenException>(() => _client.ListChannelsAsync(new ListChannelsRequest { MaxResults = 1, NextToken = firstToken }));
        using var otherRegion = Clients.InProcess(_fake, "eu-west-1");
        await Assert.ThrowsAsync<InvalidNextTokenException>(() => otherRegion.ListChannelsAsync(new ListChannelsRequest { MaxResults = 2, NextToken = firstToken }));
        await Assert.ThrowsAsync<InvalidNextTokenException>(() => _client.ListChannelsAsync(new ListChannelsRequest { NextToken = "not-a-token" }));
        Assert.Empty((await otherRegion.ListChannelsAsync(new ListChannelsRequest())).Channels!);
    }

    [Fact]
    public async Task Destinations_must_be_active_stores_that_take_activity_events()
    {
        var management = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "management-only" })).EventDataStoreArn!;
        var activity = await ActivityStores.CreateAsync(_client, "activity");
        Task Create(params Destination[] destinations) =>
            _client.CreateChannelAsync(new CreateChannelRequest { Name = "dest-" + Guid.NewGuid().ToString("N")[..8], SourceValue = "Custom", Destinations = destinations });

        await Assert.ThrowsAsync<InvalidEventDataStoreCategoryException>(() => Create(ActivityStores.To(management)));
        await Assert.ThrowsAsync<EventDataStoreNotFoundException>(() => Create(ActivityStores.To("arn:aws:cloudtrail:us-east-1:" + FakeCloudTrail.DefaultAccountId + ":eventdatastore/" + Guid.NewGuid())));
        await Assert.ThrowsAsync<EventDataStoreARNInvalidException>(() => Create(ActivityStores.To("not-an-arn")));
        await Assert.ThrowsAsync<InvalidParameterException>(() => Create(ActivityStores.To(activity), ActivityStores.To(activity)));

        // AWS_SERVICE destinations name a service, not a store: nothing to look up.
        await Create(ActivityStores.To(activity), new Destination { Type = DestinationType.AwsService, Location = "aws.securityhub" });

        var spare = await ActivityStores.CreateAsync(_client, "spare");
        await _client.UpdateEventDataStoreAsync(new UpdateEventDataStoreRequest { EventDataStore = spare, TerminationProtectionEnabled = false });
        await _client.DeleteEventDataStoreAsync(new DeleteEventDataStoreRequest { EventDataStore = spare });
        await Assert.ThrowsAsync<InactiveEventDataStoreException>(() => Create(ActivityStores.To(spare)));
    }

    [Fact]
    public async Task A_store_a_channel_sends_to_cannot_be_deleted_until_the_channel_is_gone()
    {
        var store = await ActivityStores.CreateAsync(_client, "guarded");
        await _client.UpdateEventDataStoreAsync(new UpdateEventDataStoreRequest { EventDataStore = store, TerminationProtectionEnabled = false });
        var channel = (await _client.CreateChannelAsync(new CreateChannelRequest { Name = "feeder", SourceValue = "Custom", Destinations = new[] { ActivityStores.To(store) } })).ChannelArn!;

        await Assert.ThrowsAsync<ChannelExistsForEDSException>(() => _client.DeleteEventDataStoreAsync(new DeleteEventDataStoreRequest { EventDataStore = store }));
        await _client.DeleteChannelAsync(new DeleteChannelRequest { Channel = channel });
        await _client.DeleteEventDataStoreAsync(new DeleteEventDataStoreRequest { EventDataStore = store });
    }

    [Fact]
    public async Task Names_sources_ARNs_and_the_limit_are_checked()
    {
        var store = await ActivityStores.CreateAsync(_client, "limits");
        Task<CreateChannelResponse> Create(string name, string source = "Custom") =>
            _client.CreateChannelAsync(new CreateChannelRequest { Name = name, SourceValue = source, Destinations = new[] { ActivityStores.To(store) } });

        await Create("taken");
        await Assert.ThrowsAsync<ChannelAlreadyExistsException>(() => Create("taken"));
        await Create("partner-one", "ExamplePartner");
        await Assert.ThrowsAsync<ChannelAlreadyExistsException>(() => Create("partner-two", "ExamplePartner"));
        await Assert.ThrowsAsync<InvalidSourceException>(() => Create("lower-case", "custom"));
        await Assert.ThrowsAsync<InvalidSourceException>(() => Create("service", "aws.securityhub"));
        await Assert.ThrowsAsync<ChannelARNInvalidException>(() => _client.GetChannelAsync(new GetChannelRequest { Channel = "arn:aws:cloudtrail:us-east-1:123:channel/x" }));
        await Assert.ThrowsAsync<ChannelNotFoundException>(() => _client.GetChannelAsync(new GetChannelRequest { Channel = "arn:aws:cloudtrail:eu-west-1:" + FakeCloudTrail.DefaultAccountId + ":channel/" + Guid.NewGuid() }));
        await Create("rename-me");
        await Assert.ThrowsAsync<ChannelAlreadyExistsException>(() => _client.UpdateChannelAsync(new UpdateChannelRequest { Channel = "rename-me", Name = "taken" }));

        // Three channels exist already (taken, partner-one, rename-me): fill the region up to the limit.
        for (var i = 3; i < ChannelLimit; i++)
        {
            await Create("filler-" + i);
        }

        Assert.Equal(ChannelLimit, (await _client.ListChannelsAsync(new ListChannelsRequest())).Channels!.Count);
        await Assert.ThrowsAsync<ChannelMaxLimitExceededException>(() => Create("one-too-many"));
    }

    [Fact]
    public async Task Tags_on_channels_go_through_AddTags_ListTags_and_RemoveTags()
    {
        var store = await ActivityStores.CreateAsync(_client, "tagged");
        var arn = (await _client.CreateChannelAsync(new CreateChannelRequest
        {
            Name = "tagged-channel",
            SourceValue = "Custom",
            Destinations = new[] { ActivityStores.To(store) },
            Tags = new[] { new Tag { Key = "team", Value = "sec" } },
        })).ChannelArn!;

        await _client.AddTagsAsync(new AddTagsRequest { ResourceId = arn, TagsList = new[] { new Tag { Key = "env", Value = "test" } } });
        Assert.Equal(new[] { "team", "env" }, await KeysAsync(arn));
        await _client.RemoveTagsAsync(new RemoveTagsRequest { ResourceId = arn, TagsList = new[] { new Tag { Key = "team" } } });
        Assert.Equal(new[] { "env" }, await KeysAsync(arn));

        var missing = "arn:aws:cloudtrail:us-east-1:" + FakeCloudTrail.DefaultAccountId + ":channel/" + Guid.NewGuid();
        await Assert.ThrowsAsync<ChannelNotFoundException>(() => _client.AddTagsAsync(new AddTagsRequest { ResourceId = missing, TagsList = new[] { new Tag { Key = "k", Value = "v" } } }));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _client.ListTagsAsync(new ListTagsRequest { ResourceIdList = new[] { missing } }));
        var dashboard = "arn:aws:cloudtrail:us-east-1:" + FakeCloudTrail.DefaultAccountId + ":dashboard/no-such-dashboard";
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _client.AddTagsAsync(new AddTagsRequest { ResourceId = dashboard, TagsList = new[] { new Tag { Key = "k", Value = "v" } } }));
        await Assert.ThrowsAsync<ChannelARNInvalidException>(() => _client.ListTagsAsync(new ListTagsRequest { ResourceIdList = new[] { "arn:aws:cloudtrail:us-east-1:1:channel/x" } }));
        var tooMany = Enumerable.Range(0, TagLimit + 1).Select(i => new Tag { Key = "k" + i, Value = "v" }).ToArray();
        await Assert.ThrowsAsync<TagsLimitExceededException>(() => _client.CreateChannelAsync(new CreateChannelRequest { Name = "over-tagged", SourceValue = "Custom", Destinations = new[] { ActivityStores.To(store) }, Tags = tooMany }));
        await Assert.ThrowsAsync<InvalidTagParameterException>(() => _client.CreateChannelAsync(new CreateChannelRequest
        {
            Name = "twice-tagged",
            SourceValue = "Custom",
            Destinations = new[] { ActivityStores.To(store) },
            Tags = new[] { new Tag { Key = "k", Value = "1" }, new Tag { Key = "k", Value = "2" } },
        }));
    }

    private async Task<string[]> KeysAsync(string arn) =>
        Assert.Single((await _client.ListTagsAsync(new ListTagsRequest { ResourceIdList = new[] { arn } })).ResourceTagList!).TagsList!.Select(t => t.Key).ToArray();
}
