using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Server;
using CloudTrailSdk.Server;

namespace CloudTrailSdk.Fake;

/// <summary>
/// CloudTrail's behaviour: the generated service base reads and validates each call with the client's own code, and
/// this class gives each operation's hook to the family that owns it. Around every call it records the management
/// event CloudTrail would, and journals changes when the fake keeps a data directory.
/// </summary>
internal sealed partial class CloudTrailBehaviour : CloudTrailServiceBase
{
    private readonly FakeStore _store;
    private readonly FakeCloudTrailOptions _options;
    private readonly TrailBehaviour _trails;
    private readonly SelectorBehaviour _selectors;
    private readonly TagBehaviour _tags;
    private readonly LookupBehaviour _lookup;
    private readonly LakeEngine _lake;
    private readonly EventDataStoreBehaviour _eventDataStores;
    private readonly QueryBehaviour _queries;
    private readonly ChannelBehaviour _channels;
    private readonly ResourcePolicyBehaviour _policies;
    private readonly FederationBehaviour _federation;
    private readonly EventConfigurationBehaviour _eventConfiguration;
    private readonly OrganizationBehaviour _organization;
    private readonly InsightsBehaviour _insights;
    private readonly PublicKeyBehaviour _publicKeys;
    private readonly SampleQueryBehaviour _sampleQueries;
    private readonly GenerateQueryBehaviour _generateQuery;

    // Set only while the journal replays at start-up, which runs one call at a time before the fake takes any.
    private DateTimeOffset? _replayingAt;
    private readonly ImportBehaviour _imports;
    private readonly DashboardBehaviour _dashboards;

    // With a journal, calls run one at a time, so the journal's order is the order the changes were made in.
    private readonly SemaphoreSlim _journalOrder = new(1, 1);

    public CloudTrailBehaviour(FakeStore store, FakeCloudTrailOptions options)
    {
        _store = store;
        _options = options;
        var finder = new TrailFinder(store);
        _lake = new LakeEngine(options.MaxEventsPerEventDataStore);
        _eventDataStores = new EventDataStoreBehaviour(store, options, _lake);
        _queries = new QueryBehaviour(store, options, _lake, _eventDataStores);
        _tags = new TagBehaviour(store, finder, _eventDataStores, options.TimeProvider);
        _trails = new TrailBehaviour(store, finder, _tags);
        _selectors = new SelectorBehaviour(store, finder);
        _lookup = new LookupBehaviour(store);
        _channels = new ChannelBehaviour(store, _eventDataStores);
        _policies = new ResourcePolicyBehaviour(store, _eventDataStores);
        _federation = new FederationBehaviour(store, options, _eventDataStores);
        _eventConfiguration = new EventConfigurationBehaviour(store, finder, _eventDataStores);
        store.Organization = new OrganizationState(options.Organization);
        _organization = new OrganizationBehaviour(store);
        _insights = new InsightsBehaviour(store, finder, _eventDataStores);
        _publicKeys = new PublicKeyBehaviour(options.DataDirectory);
        _sampleQueries = new SampleQueryBehaviour();
        _generateQuery = new GenerateQueryBehaviour(store, options.GeneratedQueries, _eventDataStores);
        _imports = new ImportBehaviour(store, options, _lake, _eventDataStores, Replaying);
        _dashboards = new DashboardBehaviour(store, _eventDataStores, _queries, Replaying);
    }

    // The journal is attached once replay has finished: until then, with a data directory, calls are being replayed.
    private bool Replaying() => _options.DataDirectory is not null && Journal is null;

    /// <summary>Where acknowledged changes and recorded events are written, when the fake keeps a data directory.</summary>
    public EventJournal? Journal { get; set; }

    /// <inheritdoc/>
    public override async Task<AwsServerResult> DispatchAsync(string operation, ReadOnlyMemory<byte> body, AwsServerContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = Journal is null
            ? await base.DispatchAsync(operation, body, context, cancellationToken).ConfigureAwait(false)
            : await DispatchJournaledAsync(Journal, operation, body, context, cancellationToken).ConfigureAwait(false);
        if (result.ErrorCode != "UnknownOperationException")
        {
            var scope = Scope(context);
            var record = EventRecorder.Record(operation, body, result, context, scope);
            RecordedEvent stored;
            lock (_store.Gate)
            {
                stored = _store.Region(scope).Events.Append(record);
                Journal?.AppendEvent(scope, stored);
            }

            Ingest(scope, new[] { stored });
        }

        return result;
    }

    /// <summary>Offers events to the event data stores whose selectors take them.</summary>
    public void Ingest(CallScope scope, IEnumerable<RecordedEvent> events)
    {
        // Every call passes here: with no event data store at all, there is nothing to match and no lock to take.
        if (!_lake.HasStores)
        {
            return;
        }

        var now = _options.TimeProvider.GetUtcNow();
        var matched = events.SelectMany(e => _eventDataStores.IngestingStores(scope, e, now).Select(id => (id, e))).ToList();
        if (matched.Count > 0)
        {
            _lake.Ingest(matched);
        }
    }

    /// <summary>Releases the Lake engine.</summary>
    public void Dispose() => _lake.Dispose();

    /// <summary>Runs one call through the handlers alone: not recorded, not journaled.</summary>
    public Task<AwsServerResult> DispatchUnrecordedAsync(string operation, ReadOnlyMemory<byte> body, AwsServerContext context) =>
        base.DispatchAsync(operation, body, context, CancellationToken.None);

    /// <summary>
    /// Runs a journaled call again on start-up: the same handlers, without recording or journaling it twice, on the clock
    /// as it read when the call was first made, so creation times and transitions come out as they did then.
    /// </summary>
    public async Task<AwsServerResult> ReplayAsync(string operation, ReadOnlyMemory<byte> body, AwsServerContext context)
    {
        _replayingAt = context.ReceivedAt;
        try
        {
            return await base.DispatchAsync(operation, body, context, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _replayingAt = null;
        }
    }

    private async Task<AwsServerResult> DispatchJournaledAsync(EventJournal journal, string operation, ReadOnlyMemory<byte> body, AwsServerContext context, CancellationToken cancellationToken)
    {
        await _journalOrder.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await base.DispatchAsync(operation, body, context, cancellationToken).ConfigureAwait(false);
            if (result.ErrorCode is null && !EventRecorder.IsReadOnly(operation))
            {
                journal.AppendCall(operation, body, context, Scope(context));
            }

            return result;
        }
        finally
        {
            _journalOrder.Release();
        }
    }

    private CallScope Scope(AwsServerContext context) => CallScope.Of(context, _options);
}
