using System;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Lake;

/// <summary>CloudTrail Lake event data stores: lifecycle, statuses over time, defaults and the errors AWS documents.</summary>
[Trait("Category", "Unit")]
public sealed class EventDataStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Start);
    private readonly FakeCloudTrail _fake;
    private readonly CloudTrailClient _client;

    public EventDataStoreTests()
    {
        _fake = new FakeCloudTrail(new FakeCloudTrailOptions { TimeProvider = _clock });
        _client = Clients.InProcess(_fake, "us-east-1");
    }

    [Fact]
    public async Task A_new_store_is_enabled_with_AWS_defaults_and_found_by_ARN_or_id()
    {
        var created = await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "audit-lake" });

        Assert.Equal(EventDataStoreStatus.Enabled, created.Status);
        Assert.Equal(true, created.TerminationProtectionEnabled);
        Assert.Equal(true, created.MultiRegionEnabled);
        Assert.Equal(366, created.RetentionPeriod);
        Assert.Equal(BillingMode.ExtendableRetentionPricing, created.BillingMode);
        Assert.Equal("eventCategory", Assert.Single(Assert.Single(created.AdvancedEventSelectors!).FieldSelectors).Field);
        Assert.StartsWith("arn:aws:cloudtrail:us-east-1:" + FakeCloudTrail.DefaultAccountId + ":eventdatastore/", created.EventDataStoreArn, StringComparison.Ordinal);

        var id = created.EventDataStoreArn!.Split('/')[^1];
        var byArn = await _client.GetEventDataStoreAsync(new GetEventDataStoreRequest { EventDataStore = created.EventDataStoreArn });
        var byId = await _client.GetEventDataStoreAsync(new GetEventDataStoreRequest { EventDataStore = id });
        Assert.Equal("audit-lake", byArn.Name);
        Assert.Equal(byArn.EventDataStoreArn, byId.EventDataStoreArn);
    }

    [Fact]
    public async Task The_documented_errors()
    {
        await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "dup" });

        await Assert.ThrowsAsync<EventDataStoreAlreadyExistsException>(() => _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "dup" }));
        await Assert.ThrowsAsync<InvalidParameterException>(() => _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "fixed", BillingMode = BillingMode.FixedRetentionPricing, RetentionPeriod = 3000 }));
        await Assert.ThrowsAsync<OrganizationsNotInUseException>(() => _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "org", OrganizationEnabled = true }));
        await Assert.ThrowsAsync<EventDataStoreNotFoundException>(() => _client.GetEventDataStoreAsync(new GetEventDataStoreRequest { EventDataStore = Guid.NewGuid().ToString() }));
        await Assert.ThrowsAsync<EventDataStoreARNInvalidException>(() => _client.GetEventDataStoreAsync(new GetEventDataStoreRequest { EventDataStore = "arn:aws:cloudtrail:us-east-1:123:trail/x" }));
        await Assert.ThrowsAsync<InvalidEventSelectorsException>(() => _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest
        {
            Name = "bad-selector",
            AdvancedEventSelectors = new[] { new AdvancedEventSelector { FieldSelectors = new[] { new AdvancedFieldSelector { Field = "favouriteColour", EqualsValue = new[] { "blue" } } } } },
        }));
        for (var i = 1; i < EventDataStoreBehaviourLimit; i++)
        {
            await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "store-" + i });
        }

        await Assert.ThrowsAsync<EventDataStoreMaxLimitExceededException>(() => _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "one-too-many" }));
    }

    [Fact]
    public async Task Deletion_is_guarded_pending_for_seven_days_restorable_then_final()
    {
        var arn = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "to-delete" })).EventDataStoreArn!;

        await Assert.ThrowsAsync<EventDataStoreTerminationProtectedException>(() => _client.DeleteEventDataStoreAsync(new DeleteEventDataStoreRequest { EventDataStore = arn }));
        await _client.UpdateEventDataStoreAsync(new UpdateEventDataStoreRequest { EventDataStore = arn, TerminationProtectionEnabled = false });
        await _client.DeleteEventDataStoreAsync(new DeleteEventDataStoreRequest { EventDataStore = arn });

        Assert.Equal(EventDataStoreStatus.PendingDeletion, (await _client.GetEventDataStoreAsync(new GetEventDataStoreRequest { EventDataStore = arn })).Status);
        await Assert.ThrowsAsync<InactiveEventDataStoreException>(() => _client.UpdateEventDataStoreAsync(new UpdateEventDataStoreRequest { EventDataStore = arn, RetentionPeriod = 30 }));
        var restored = await _client.RestoreEventDataStoreAsync(new RestoreEventDataStoreRequest { EventDataStore = arn });
        Assert.Equal(EventDataStoreStatus.Enabled, restored.Status);
        await Assert.ThrowsAsync<InvalidEventDataStoreStatusException>(() => _client.RestoreEventDataStoreAsync(new RestoreEventDataStoreRequest { EventDataStore = arn }));

        await _client.DeleteEventDataStoreAsync(new DeleteEventDataStoreRequest { EventDataStore = arn });
        _clock.Advance(TimeSpan.FromDays(7));
        await Assert.ThrowsAsync<EventDataStoreNotFoundException>(() => _client.GetEventDataStoreAsync(new GetEventDataStoreRequest { EventDataStore = arn }));
    }

    [Fact]
    public async Task Ingestion_moves_through_its_transitional_statuses()
    {
        var arn = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "switch" })).EventDataStoreArn!;
        await Assert.ThrowsAsync<InvalidEventDataStoreStatusException>(() => _client.StartEventDataStoreIngestionAsync(new StartEventDataStoreIngestionRequest { EventDataStore = arn }));

        await _client.StopEventDataStoreIngestionAsync(new StopEventDataStoreIngestionRequest { EventDataStore = arn });
        Assert.Equal(EventDataStoreStatus.StoppingIngestion, await StatusAsync(arn));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(EventDataStoreStatus.StoppedIngestion, await StatusAsync(arn));

        await _client.StartEventDataStoreIngestionAsync(new StartEventDataStoreIngestionRequest { EventDataStore = arn });
        Assert.Equal(EventDataStoreStatus.StartingIngestion, await StatusAsync(arn));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(EventDataStoreStatus.Enabled, await StatusAsync(arn));
    }

    [Fact]
    public async Task Stores_are_listed_in_pages()
    {
        foreach (var name in new[] { "a-store", "b-store", "c-store" })
        {
            await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = name });
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var names = new System.Collections.Generic.List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _client.ListEventDataStoresAsync(new ListEventDataStoresRequest { MaxResults = 2, NextToken = token });
            names.AddRange(page.EventDataStores!.Select(s => s.Name!));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(new[] { "a-store", "b-store", "c-store" }, names);
        Assert.Equal(2, pages);
        await Assert.ThrowsAsync<InvalidNextTokenException>(() => _client.ListEventDataStoresAsync(new ListEventDataStoresRequest { NextToken = "not-a-token" }));
    }

    [Fact]
    public async Task Tags_given_at_creation_are_listed_by_the_stores_ARN()
    {
        var arn = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "tagged", TagsList = new[] { new Tag { Key = "team", Value = "sec" } } })).EventDataStoreArn!;
        await _client.AddTagsAsync(new AddTagsRequest { ResourceId = arn, TagsList = new[] { new Tag { Key = "env", Value = "test" } } });

        var listed = await _client.ListTagsAsync(new ListTagsRequest { ResourceIdList = new[] { arn } });

        Assert.Equal(new[] { "team", "env" }, Assert.Single(listed.ResourceTagList!).TagsList!.Select(t => t.Key));
    }

    private const int EventDataStoreBehaviourLimit = 10;

    private async Task<EventDataStoreStatus?> StatusAsync(string arn) =>
        (await _client.GetEventDataStoreAsync(new GetEventDataStoreRequest { EventDataStore = arn })).Status;
}
