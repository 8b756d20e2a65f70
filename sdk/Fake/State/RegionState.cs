using System;
using System.Collections.Generic;

namespace CloudTrailSdk.Fake;

/// <summary>What the fake holds for one account in one region: its trails and the events recorded there.</summary>
internal sealed class RegionState
{
    public RegionState(string account, string region, int maxEvents)
    {
        Account = account;
        Region = region;
        Events = new EventLog(maxEvents, FakeStore.Retention);
        Insights = new EventLog(maxEvents, FakeStore.Retention);
    }

    public string Account { get; }

    public string Region { get; }

    public Dictionary<string, TrailState> Trails { get; } = new(StringComparer.Ordinal);

    /// <summary>CloudTrail Lake event data stores whose home is this region, by id.</summary>
    public Dictionary<string, EventDataStoreState> EventDataStores { get; } = new(StringComparer.Ordinal);

    /// <summary>CloudTrail Lake channels whose home is this region, by id.</summary>
    public Dictionary<string, ChannelState> Channels { get; } = new(StringComparer.Ordinal);

    /// <summary>CloudTrail Lake dashboards whose home is this region, by id.</summary>
    public Dictionary<string, DashboardState> Dashboards { get; } = new(StringComparer.Ordinal);

    /// <summary>CloudTrail Lake imports started in this region, by id.</summary>
    public Dictionary<string, ImportState> Imports { get; } = new(StringComparer.Ordinal);

    /// <summary>Management events: the fake's own calls, and seeded ones.</summary>
    public EventLog Events { get; }

    /// <summary>Insight events, which only seeding brings; LookupEvents never mixes them with management events.</summary>
    public EventLog Insights { get; }
}
