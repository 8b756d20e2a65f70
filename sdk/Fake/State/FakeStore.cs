using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Everything the fake holds, per account and region, behind one lock. Calls are short and in memory, and a single gate
/// makes every operation atomic across regions (shadow trails and cross-region ARNs read other regions' state), so
/// concurrent clients lose no updates.
/// </summary>
internal sealed class FakeStore
{
    /// <summary>How long CloudTrail keeps events for LookupEvents.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    private readonly Dictionary<(string Account, string Region), RegionState> _regions = new();
    private readonly int _maxEvents;

    public FakeStore(int maxEventsPerRegion) => _maxEvents = maxEventsPerRegion;

    public object Gate { get; } = new();

    /// <summary>The state of one account and region, created empty on first use.</summary>
    public RegionState Region(string account, string region)
    {
        var key = (account, region);
        if (!_regions.TryGetValue(key, out var state))
        {
            _regions[key] = state = new RegionState(account, region, _maxEvents);
        }

        return state;
    }

    public RegionState Region(CallScope scope) => Region(scope.Account, scope.Region);

    public bool TryGetRegion(string account, string region, out RegionState state) => _regions.TryGetValue((account, region), out state!);

    /// <summary>The account's other regions, in name order.</summary>
    public IEnumerable<RegionState> OtherRegions(RegionState state) =>
        _regions.Values.Where(r => r.Account == state.Account && r.Region != state.Region).OrderBy(r => r.Region, StringComparer.Ordinal);

    public IEnumerable<RegionState> All => _regions.Values;

    /// <summary>The organization the accounts belong to, if the test author configured one, and its delegated administrators.</summary>
    public OrganizationState Organization { get; set; } = new(null);
}
