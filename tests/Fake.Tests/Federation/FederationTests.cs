using System;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Federation;

/// <summary>Lake query federation: statuses on the fake's clock, what GetEventDataStore shows, and the documented errors.</summary>
[Trait("Category", "Unit")]
public sealed class FederationTests
{
    private const string Role = "arn:aws:iam::111122223333:role/lake-federation";
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Start);
    private readonly CloudTrailClient _client;

    public FederationTests() => _client = Clients.InProcess(new FakeCloudTrail(new FakeCloudTrailOptions { TimeProvider = _clock, LakeTransitionTime = TimeSpan.FromSeconds(5) }), "us-east-1");

    [Fact]
    public async Task Enable_goes_ENABLING_then_ENABLED_and_disable_DISABLING_then_DISABLED()
    {
        var store = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "federated" })).EventDataStoreArn!;
        Assert.Equal(FederationStatus.Disabled, (await GetAsync(store)).FederationStatus);

        var enabled = await _client.EnableFederationAsync(new EnableFederationRequest { EventDataStore = store, FederationRoleArn = Role });
        Assert.Equal(FederationStatus.Enabling, enabled.FederationStatus);
        Assert.Equal(Role, enabled.FederationRoleArn);
        Assert.Equal(store, enabled.EventDataStoreArn);
        Assert.Equal(FederationStatus.Enabling, (await GetAsync(store)).FederationStatus);
        await Assert.ThrowsAsync<ConcurrentModificationException>(() => _client.DisableFederationAsync(new DisableFederationRequest { EventDataStore = store }));

        _clock.Advance(TimeSpan.FromSeconds(5));
        var got = await GetAsync(store);
        Assert.Equal(FederationStatus.Enabled, got.FederationStatus);
        Assert.Equal(Role, got.FederationRoleArn);
        await Assert.ThrowsAsync<EventDataStoreFederationEnabledException>(() => _client.EnableFederationAsync(new EnableFederationRequest { EventDataStore = store, FederationRoleArn = Role }));

        var disabled = await _client.DisableFederationAsync(new DisableFederationRequest { EventDataStore = store });
        Assert.Equal(FederationStatus.Disabling, disabled.FederationStatus);
        await Assert.ThrowsAsync<ConcurrentModificationException>(() => _client.EnableFederationAsync(new EnableFederationRequest { EventDataStore = store, FederationRoleArn = Role }));
        _clock.Advance(TimeSpan.FromSeconds(5));
        got = await GetAsync(store);
        Assert.Equal(FederationStatus.Disabled, got.FederationStatus);
        Assert.Null(got.FederationRoleArn);
        await Assert.ThrowsAsync<InvalidParameterException>(() => _client.DisableFederationAsync(new DisableFederationRequest { EventDataStore = store }));
    }

    [Fact]
    public async Task A_federated_store_cannot_be_deleted_and_a_deleted_one_cannot_be_federated()
    {
        var store = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "guarded", TerminationProtectionEnabled = false })).EventDataStoreArn!;
        await _client.EnableFederationAsync(new EnableFederationRequest { EventDataStore = store, FederationRoleArn = Role });
        _clock.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<EventDataStoreFederationEnabledException>(() => _client.DeleteEventDataStoreAsync(new DeleteEventDataStoreRequest { EventDataStore = store }));
        await _client.DisableFederationAsync(new DisableFederationRequest { EventDataStore = store });
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _client.DeleteEventDataStoreAsync(new DeleteEventDataStoreRequest { EventDataStore = store });

        await Assert.ThrowsAsync<InactiveEventDataStoreException>(() => _client.EnableFederationAsync(new EnableFederationRequest { EventDataStore = store, FederationRoleArn = Role }));
        await Assert.ThrowsAsync<InactiveEventDataStoreException>(() => _client.DisableFederationAsync(new DisableFederationRequest { EventDataStore = store }));
    }

    [Fact]
    public async Task Unknown_stores_bad_ARNs_and_bad_roles_are_refused()
    {
        var store = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "checked" })).EventDataStoreArn!;

        await Assert.ThrowsAsync<EventDataStoreNotFoundException>(() => _client.EnableFederationAsync(new EnableFederationRequest { EventDataStore = Guid.NewGuid().ToString(), FederationRoleArn = Role }));
        await Assert.ThrowsAsync<EventDataStoreARNInvalidException>(() => _client.DisableFederationAsync(new DisableFederationRequest { EventDataStore = "arn:aws:cloudtrail:us-east-1:123:trail/x" }));
        var error = await Assert.ThrowsAsync<InvalidParameterException>(() => _client.EnableFederationAsync(new EnableFederationRequest { EventDataStore = store, FederationRoleArn = "arn:aws:iam::111122223333:user/someone" }));
        Assert.Contains("FederationRoleArn", error.Message, StringComparison.Ordinal);
        Assert.Equal(FederationStatus.Disabled, (await GetAsync(store)).FederationStatus);
    }

    private Task<GetEventDataStoreResponse> GetAsync(string store) => _client.GetEventDataStoreAsync(new GetEventDataStoreRequest { EventDataStore = store });
}
