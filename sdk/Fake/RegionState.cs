using System;
using System.Collections.Generic;

namespace CloudTrailSdk.Fake;

/// <summary>What the fake holds for one account in one region: its trails and the events recorded there.</summary>
internal sealed class RegionState
{
    public RegionState(string account, string region)
    {
        Account = account;
        Region = region;
    }

    public string Account { get; }

    public string Region { get; }

    public Dictionary<string, TrailState> Trails { get; } = new(StringComparer.Ordinal);

    public List<RecordedEvent> Events { get; } = new();
}
