using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Server;
using CloudTrailSdk.Server;

namespace CloudTrailSdk.Fake;

/// <summary>
/// An in-memory CloudTrail. Request parsing and validation come from the generated <see cref="CloudTrailServerBase"/>,
/// so the fake rejects exactly what the client's validators reject; this class adds the behaviour, and records every
/// call made to it as a CloudTrail management event that LookupEvents can find.
/// </summary>
public sealed partial class FakeCloudTrailServer : CloudTrailServerBase
{
    /// <summary>The account used when a caller's access key maps to no other.</summary>
    public const string DefaultAccountId = "123456789012";

    /// <summary>The region used for unsigned calls.</summary>
    public const string DefaultRegion = "us-east-1";

    private readonly object _gate = new();
    private readonly Dictionary<(string Account, string Region), RegionState> _regions = new();

    /// <summary>Creates an empty fake.</summary>
    public FakeCloudTrailServer(TimeProvider? timeProvider = null) => TimeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>The fake's clock: event times and the 90-day lookup window follow it.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Runs one call and records it as a management event, as CloudTrail records its own API calls.</summary>
    public new async Task<AwsServerResult> DispatchAsync(string operation, ReadOnlyMemory<byte> body, AwsServerContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await base.DispatchAsync(operation, body, context, cancellationToken).ConfigureAwait(false);
        if (result.ErrorCode != "UnknownOperationException")
        {
            var record = EventRecorder.Record(operation, body, result, context, Account(context), Region(context));
            lock (_gate)
            {
                State(context).Events.Add(record);
            }
        }

        return result;
    }

    private static string Account(AwsServerContext context) => DefaultAccountId;

    private static string Region(AwsServerContext context) => string.IsNullOrEmpty(context.Region) ? DefaultRegion : context.Region!;

    private RegionState State(AwsServerContext context)
    {
        var key = (Account(context), Region(context));
        if (!_regions.TryGetValue(key, out var state))
        {
            _regions[key] = state = new RegionState(key.Item1, key.Item2);
        }

        return state;
    }

    /// <summary>What the fake holds for one account and region.</summary>
    private sealed class RegionState
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

    private sealed class TrailState
    {
        public required Trail Trail { get; set; }

        public bool IsLogging { get; set; }

        public DateTimeOffset? StartLoggingTime { get; set; }

        public DateTimeOffset? StopLoggingTime { get; set; }

        public IReadOnlyList<EventSelector>? EventSelectors { get; set; }

        public IReadOnlyList<AdvancedEventSelector>? AdvancedEventSelectors { get; set; }
    }

    private static IEnumerable<TrailState> Ordered(RegionState state) => state.Trails.Values.OrderBy(t => t.Trail.Name, StringComparer.Ordinal);
}
