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

    // One lock for all state: calls are short and in memory, and a single gate makes every operation atomic across
    // regions (shadow trails and cross-region ARNs read other regions' state), so concurrent clients lose no updates.
    private readonly object _gate = new();
    private readonly Dictionary<(string Account, string Region), RegionState> _regions = new();

    /// <summary>Creates an empty fake.</summary>
    public FakeCloudTrailServer(TimeProvider? timeProvider = null)
        : this(new FakeCloudTrailOptions { TimeProvider = timeProvider ?? TimeProvider.System })
    {
    }

    /// <summary>Creates an empty fake that behaves as <paramref name="options"/> say.</summary>
    public FakeCloudTrailServer(FakeCloudTrailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Authenticator = new FakeAuthenticator(options);
        if (options.DataDirectory is { } directory)
        {
            OpenJournal(directory);
        }
    }

    /// <summary>How this fake was configured.</summary>
    public FakeCloudTrailOptions Options { get; }

    /// <summary>The fake's clock: event times and the 90-day lookup window follow it.</summary>
    public TimeProvider TimeProvider => Options.TimeProvider;

    internal FakeAuthenticator Authenticator { get; }

    /// <summary>Runs one call and records it as a management event, as CloudTrail records its own API calls.</summary>
    public new async Task<AwsServerResult> DispatchAsync(string operation, ReadOnlyMemory<byte> body, AwsServerContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = _journal is null
            ? await base.DispatchAsync(operation, body, context, cancellationToken).ConfigureAwait(false)
            : await DispatchJournaledAsync(operation, body, context, cancellationToken).ConfigureAwait(false);
        if (result.ErrorCode != "UnknownOperationException")
        {
            var account = AccountOf(context);
            var region = RegionOf(context);
            var record = EventRecorder.Record(operation, body, result, context, account, region);
            lock (_gate)
            {
                JournalEvent(account, region, State(context).Events.Append(record));
            }
        }

        return result;
    }

    /// <summary>The account a call acts in: the one its access key maps to, or the default.</summary>
    public string AccountOf(AwsServerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ReplayAccountItem, out var replayed) && replayed is string replayedAccount)
        {
            return replayedAccount;
        }

        return context.AccessKeyId is { } key && Options.Accounts.TryGetValue(key, out var account) ? account : Options.DefaultAccountId;
    }

    /// <summary>The region a call acts in: the one its SigV4 credential scope names, or the default.</summary>
    public string RegionOf(AwsServerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return string.IsNullOrEmpty(context.Region) ? Options.DefaultRegion : context.Region!;
    }

    private RegionState State(AwsServerContext context) => State(AccountOf(context), RegionOf(context));

    private RegionState State(string account, string region)
    {
        var key = (account, region);
        if (!_regions.TryGetValue(key, out var state))
        {
            _regions[key] = state = new RegionState(account, region);
        }

        return state;
    }

    private IEnumerable<RegionState> OtherRegions(RegionState state) =>
        _regions.Values.Where(r => r.Account == state.Account && r.Region != state.Region).OrderBy(r => r.Region, StringComparer.Ordinal);

    private static IEnumerable<TrailState> Ordered(RegionState state) => state.Trails.Values.OrderBy(t => t.Name, StringComparer.Ordinal);
}
