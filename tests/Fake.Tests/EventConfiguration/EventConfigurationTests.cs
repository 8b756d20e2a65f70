using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Channels;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.EventConfiguration;

/// <summary>Get/PutEventConfiguration: defaults, what a store and a trail each keep, one target exactly, and the modelled errors.</summary>
[Trait("Category", "Unit")]
public sealed class EventConfigurationTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeCloudTrail _fake;
    private readonly CloudTrailClient _client;

    public EventConfigurationTests()
    {
        _fake = new FakeCloudTrail(new FakeCloudTrailOptions { TimeProvider = _clock });
        _client = Clients.InProcess(_fake, "us-east-1");
    }

    private static string Describe(IEnumerable<ContextKeySelector> selectors) => string.Join("; ", selectors.Select(s => s.Type + "=" + string.Join(",", s.EqualsValue)));

    private static string Describe(IEnumerable<AggregationConfiguration> aggregations) => string.Join("; ", aggregations.Select(a => a.EventCategory + ":" + string.Join(",", a.Templates)));

    private static readonly ContextKeySelector[] Selectors =
    {
        new() { Type = CloudTrailSdk.Type.RequestContext, EqualsValue = new[] { "aws:SourceIp" } },
        new() { Type = CloudTrailSdk.Type.TagContext, EqualsValue = new[] { "team" } },
    };

    [Fact]
    public async Task A_store_starts_Standard_and_keeps_what_is_put()
    {
        var store = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "enriched" })).EventDataStoreArn!;
        var before = await _client.GetEventConfigurationAsync(new GetEventConfigurationRequest { EventDataStore = store });
        Assert.Equal(MaxEventSize.Standard, before.MaxEventSize);
        Assert.Empty(before.ContextKeySelectors!);
        Assert.Equal(store, before.EventDataStoreArn);

        var put = await _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { EventDataStore = store, MaxEventSize = MaxEventSize.Large, ContextKeySelectors = Selectors });
        Assert.Equal(MaxEventSize.Large, put.MaxEventSize);

        var id = store.Split('/')[^1];
        var after = await _client.GetEventConfigurationAsync(new GetEventConfigurationRequest { EventDataStore = id });
        Assert.Equal(MaxEventSize.Large, after.MaxEventSize);
        Assert.Equal("RequestContext=aws:SourceIp; TagContext=team", Describe(after.ContextKeySelectors!));

        // Enrichment needs Large events: going back to Standard with selectors kept is refused.
        await Assert.ThrowsAsync<InvalidParameterException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { EventDataStore = store, MaxEventSize = MaxEventSize.Standard }));
        var cleared = await _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { EventDataStore = store, MaxEventSize = MaxEventSize.Standard, ContextKeySelectors = Array.Empty<ContextKeySelector>() });
        Assert.Equal(MaxEventSize.Standard, cleared.MaxEventSize);
    }

    [Fact]
    public async Task A_trail_keeps_aggregation_configurations_from_its_home_region()
    {
        var trail = (await _client.CreateTrailAsync(new CreateTrailRequest { Name = "aggregated", S3BucketName = "bucket", IsMultiRegionTrail = true })).TrailARN!;
        Assert.Empty((await _client.GetEventConfigurationAsync(new GetEventConfigurationRequest { TrailName = "aggregated" })).AggregationConfigurations!);

        var aggregation = new AggregationConfiguration { EventCategory = EventCategoryAggregation.Data, Templates = new[] { Template.ApiActivity, Template.UserActions } };
        var put = await _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { TrailName = trail, AggregationConfigurations = new[] { aggregation } });
        Assert.Equal(trail, put.TrailARN);
        Assert.Equal("Data:API_ACTIVITY,USER_ACTIONS", Describe((await _client.GetEventConfigurationAsync(new GetEventConfigurationRequest { TrailName = "aggregated" })).AggregationConfigurations!));

        using var elsewhere = Clients.InProcess(_fake, "eu-west-1");
        Assert.Equal("Data:API_ACTIVITY,USER_ACTIONS", Describe((await elsewhere.GetEventConfigurationAsync(new GetEventConfigurationRequest { TrailName = trail })).AggregationConfigurations!));
        await Assert.ThrowsAsync<InvalidHomeRegionException>(() => elsewhere.PutEventConfigurationAsync(new PutEventConfigurationRequest { TrailName = trail, AggregationConfigurations = Array.Empty<AggregationConfiguration>() }));
        await Assert.ThrowsAsync<InvalidParameterException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest
        {
            TrailName = trail,
            AggregationConfigurations = new[] { new AggregationConfiguration { EventCategory = EventCategoryAggregation.Data, Templates = new[] { Template.ApiActivity, Template.ApiActivity } } },
        }));
        await Assert.ThrowsAsync<InvalidParameterException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { TrailName = trail }));
    }

    [Fact]
    public async Task Exactly_one_target_and_settings_that_fit_it()
    {
        var store = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "target" })).EventDataStoreArn!;
        await _client.CreateTrailAsync(new CreateTrailRequest { Name = "target-trail", S3BucketName = "bucket" });

        await Assert.ThrowsAsync<InvalidParameterCombinationException>(() => _client.GetEventConfigurationAsync(new GetEventConfigurationRequest()));
        await Assert.ThrowsAsync<InvalidParameterCombinationException>(() => _client.GetEventConfigurationAsync(new GetEventConfigurationRequest { TrailName = "target-trail", EventDataStore = store }));
        await Assert.ThrowsAsync<InvalidParameterCombinationException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { MaxEventSize = MaxEventSize.Large }));
        await Assert.ThrowsAsync<InvalidParameterCombinationException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { TrailName = "target-trail", MaxEventSize = MaxEventSize.Large }));
        await Assert.ThrowsAsync<InvalidParameterCombinationException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { EventDataStore = store, AggregationConfigurations = Array.Empty<AggregationConfiguration>() }));
        await Assert.ThrowsAsync<InvalidParameterException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { EventDataStore = store }));
        await Assert.ThrowsAsync<InvalidParameterException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { EventDataStore = store, ContextKeySelectors = Selectors }));
        await Assert.ThrowsAsync<InvalidParameterException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { EventDataStore = store, MaxEventSize = MaxEventSize.Large, ContextKeySelectors = new[] { Selectors[0], Selectors[0] } }));
    }

    [Fact]
    public async Task Unknown_or_unsuitable_targets_get_the_modelled_errors()
    {
        await Assert.ThrowsAsync<TrailNotFoundException>(() => _client.GetEventConfigurationAsync(new GetEventConfigurationRequest { TrailName = "no-such-trail" }));
        await Assert.ThrowsAsync<InvalidTrailNameException>(() => _client.GetEventConfigurationAsync(new GetEventConfigurationRequest { TrailName = "bad--name" }));
        await Assert.ThrowsAsync<CloudTrailARNInvalidException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { TrailName = "arn:aws:cloudtrail:us-east-1:12:trail/x", AggregationConfigurations = Array.Empty<AggregationConfiguration>() }));
        await Assert.ThrowsAsync<EventDataStoreNotFoundException>(() => _client.GetEventConfigurationAsync(new GetEventConfigurationRequest { EventDataStore = Guid.NewGuid().ToString() }));
        await Assert.ThrowsAsync<EventDataStoreARNInvalidException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { EventDataStore = "arn:aws:cloudtrail:us-east-1:123:trail/x", MaxEventSize = MaxEventSize.Large }));

        var activity = await ActivityStores.CreateAsync(_client, "activity");
        await Assert.ThrowsAsync<InvalidEventDataStoreCategoryException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { EventDataStore = activity, MaxEventSize = MaxEventSize.Large }));

        var stopped = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "stopping" })).EventDataStoreArn!;
        await _client.StopEventDataStoreIngestionAsync(new StopEventDataStoreIngestionRequest { EventDataStore = stopped });
        await Assert.ThrowsAsync<InvalidEventDataStoreStatusException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { EventDataStore = stopped, MaxEventSize = MaxEventSize.Large }));

        var deleted = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "deleted", TerminationProtectionEnabled = false })).EventDataStoreArn!;
        await _client.DeleteEventDataStoreAsync(new DeleteEventDataStoreRequest { EventDataStore = deleted });
        await Assert.ThrowsAsync<InactiveEventDataStoreException>(() => _client.PutEventConfigurationAsync(new PutEventConfigurationRequest { EventDataStore = deleted, MaxEventSize = MaxEventSize.Large }));
        await Assert.ThrowsAsync<InvalidEventDataStoreStatusException>(() => _client.GetEventConfigurationAsync(new GetEventConfigurationRequest { EventDataStore = deleted }));
    }
}
