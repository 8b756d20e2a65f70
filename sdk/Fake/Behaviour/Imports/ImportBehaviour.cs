using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace CloudTrailSdk.Fake;

/// <summary>
/// CloudTrail Lake imports: StartImport (new, or a retry of a failed or stopped one), GetImport, ListImports, StopImport
/// and ListImportFailures. An import reads CloudTrail log files from the local folder its S3 location maps to (see
/// <see cref="ImportSourceMap"/>) in the background, on <see cref="ImportRunner"/>.
/// </summary>
internal sealed partial class ImportBehaviour
{
    private const int DefaultPageSize = 1000;

    private readonly FakeStore _store;
    private readonly FakeCloudTrailOptions _options;
    private readonly EventDataStoreBehaviour _stores;
    private readonly ImportRunner _runner;
    private readonly Func<bool> _replaying;
    private readonly List<ImportState> _deferred = new();
    private Task? _replayEnd;

    // replaying: true while the journal replays; imports then run on the replaying thread, in the journal's order.
    public ImportBehaviour(FakeStore store, FakeCloudTrailOptions options, LakeEngine lake, EventDataStoreBehaviour stores, Func<bool> replaying)
    {
        _store = store;
        _options = options;
        _stores = stores;
        _replaying = replaying;
        _runner = new ImportRunner(store, options, lake);
    }

    public StartImportResponse StartImport(StartImportRequest request, CallScope scope, DateTimeOffset now, string newId)
    {
        RunDeferred();
        ImportState import;
        lock (_store.Gate)
        {
            import = request.ImportId is { } retried ? Retry(request, retried, scope, now) : Create(request, scope, now, newId);
            if (_replaying())
            {
                // A replayed import runs when the next call that needs it replays, or once replay ends: a replayed
                // StopImport in between stops it before it reads anything, as the original was stopped.
                _deferred.Add(import);
                _replayEnd ??= Task.Run(RunDeferredAfterReplayAsync);
            }
        }

        if (!_replaying())
        {
            _ = Task.Run(() => _runner.RunAsync(import));
        }

        return new StartImportResponse
        {
            ImportId = import.Id,
            Destinations = import.Destinations,
            ImportSource = new ImportSource { S3 = import.Source },
            StartEventTime = import.StartEventTime,
            EndEventTime = import.EndEventTime,
            ImportStatus = ImportStatus.Initializing,
            CreatedTimestamp = import.CreatedTimestamp,
            UpdatedTimestamp = now,
        };
    }

    public GetImportResponse GetImport(GetImportRequest request, CallScope scope)
    {
        RunDeferred();
        lock (_store.Gate)
        {
            var import = Find(scope, request.ImportId);
            return new GetImportResponse
            {
                ImportId = import.Id,
                Destinations = import.Destinations,
                ImportSource = new ImportSource { S3 = import.Source },
                StartEventTime = import.StartEventTime,
                EndEventTime = import.EndEventTime,
                ImportStatus = import.Status,
                CreatedTimestamp = import.CreatedTimestamp,
                UpdatedTimestamp = import.UpdatedTimestamp,
                ImportStatistics = Statistics(import),
            };
        }
    }

    public ListImportsResponse ListImports(ListImportsRequest request, CallScope scope)
    {
        if (request.Destination is { } destination && !EventDataStoreArn().IsMatch(destination))
        {
            throw new EventDataStoreARNInvalidException("Destination " + destination + " is not an event data store ARN (arn:aws:cloudtrail:REGION:ACCOUNT:eventdatastore/ID).");
        }

        RunDeferred();
        lock (_store.Gate)
        {
            var matching = _store.Region(scope).Imports.Values
                .Where(i => request.Destination is not { } d || i.Destinations.Contains(d, StringComparer.Ordinal))
                .Where(i => request.ImportStatus is not { } s || i.Status == s)
                .OrderByDescending(i => i.CreatedTimestamp).ThenBy(i => i.Id, StringComparer.Ordinal)
                .ToList();
            var (start, size) = Page(request.NextToken, request.MaxResults, "imports");
            return new ListImportsResponse
            {
                Imports = matching.Skip(start).Take(size).Select(i => new ImportsListItem
                {
                    ImportId = i.Id,
                    ImportStatus = i.Status,
                    Destinations = i.Destinations,
                    CreatedTimestamp = i.CreatedTimestamp,
                    UpdatedTimestamp = i.UpdatedTimestamp,
                }).ToList(),
                NextToken = start + size < matching.Count ? PageToken.Write("imports", start + size) : null,
            };
        }
    }

    public StopImportResponse StopImport(StopImportRequest request, CallScope scope, DateTimeOffset now)
    {
        if (!_replaying())
        {
            RunDeferred();
        }

        lock (_store.Gate)
        {
            var import = Find(scope, request.ImportId);
            _deferred.Remove(import);
            if (!import.IsActive)
            {
                throw new InvalidParameterException("Import " + import.Id + " is " + import.Status.Value + "; only an INITIALIZING or IN_PROGRESS import can be stopped.");
            }

            import.Status = ImportStatus.Stopped;
            import.UpdatedTimestamp = now;
            import.Cancellation.Cancel();
            return new StopImportResponse
            {
                ImportId = import.Id,
                ImportSource = new ImportSource { S3 = import.Source },
                Destinations = import.Destinations,
                ImportStatus = import.Status,
                CreatedTimestamp = import.CreatedTimestamp,
                UpdatedTimestamp = import.UpdatedTimestamp,
                StartEventTime = import.StartEventTime,
                EndEventTime = import.EndEventTime,
                ImportStatistics = Statistics(import),
            };
        }
    }

    public ListImportFailuresResponse ListImportFailures(ListImportFailuresRequest request, CallScope scope)
    {
        RunDeferred();
        lock (_store.Gate)
        {
            var import = Find(scope, request.ImportId);
            var (start, size) = Page(request.NextToken, request.MaxResults, "failures/" + import.Id);
            return new ListImportFailuresResponse
            {
                Failures = import.Failures.Skip(start).Take(size).ToList(),
                NextToken = start + size < import.Failures.Count ? PageToken.Write("failures/" + import.Id, start + size) : null,
            };
        }
    }

    // Runs the imports replay deferred, each once, on the caller's thread.
    private void RunDeferred()
    {
        List<ImportState> pending;
        lock (_store.Gate)
        {
            if (_deferred.Count == 0)
            {
                return;
            }

            pending = _deferred.ToList();
            _deferred.Clear();
        }

        foreach (var import in pending)
        {
            _runner.RunNow(import);
        }
    }

    // Replay ends when the fake attaches its journal, just after the constructor's replay returns; imports deferred to
    // the end run then, even if no import call comes. A fake whose replay failed never gets there: give up after a while.
    private async Task RunDeferredAfterReplayAsync()
    {
        for (var i = 0; i < 60_000 && _replaying(); i++)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }

        if (!_replaying())
        {
            RunDeferred();
        }
    }

    private ImportState Create(StartImportRequest request, CallScope scope, DateTimeOffset now, string id)
    {
        if (request.Destinations is not { Count: > 0 } destinations)
        {
            throw new InvalidParameterException("A new import needs Destinations: the ARN of the event data store to import into.");
        }

        if (request.ImportSource?.S3 is not { } source)
        {
            throw new InvalidParameterException("A new import needs ImportSource.S3: the S3 location of the CloudTrail log files.");
        }

        if (request.StartEventTime is { } from && request.EndEventTime is { } to && from > to)
        {
            throw new InvalidParameterException("StartEventTime " + Text(from) + " is after EndEventTime " + Text(to) + ".");
        }

        if (!RoleArn().IsMatch(source.S3BucketAccessRoleArn))
        {
            throw new InvalidParameterException("S3BucketAccessRoleArn " + source.S3BucketAccessRoleArn + " is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).");
        }

        if (!Region().IsMatch(source.S3BucketRegion))
        {
            throw new InvalidParameterException("S3BucketRegion " + source.S3BucketRegion + " is not a region name such as us-east-1.");
        }

        var storeIds = destinations.Select(d => CheckDestination(scope, d, now)).ToList();
        var folder = ImportSourceMap.Resolve(_options.ImportSources, source.S3LocationUri);

        // A replayed import succeeded when first made: if its folder has gone since, it replays and ends FAILED, rather
        // than stop the fake from starting.
        if ((folder is null || !System.IO.Directory.Exists(folder)) && !_replaying())
        {
            // AWS answers InvalidImportSourceException when the bucket cannot be read for an import; here the location
            // has no folder mapped to it (FakeCloudTrailOptions.ImportSources, or --import-source), which is the same cause.
            throw new InvalidImportSourceException("The import source " + source.S3LocationUri + " cannot be read: this fake maps no local folder to it"
                + (folder is null ? string.Empty : " that exists (" + folder + ")") + "; map one with FakeCloudTrailOptions.ImportSources or --import-source.");
        }

        var region = _store.Region(scope);
        CheckNoneOngoing(region);
        var import = new ImportState
        {
            Id = id,
            Scope = scope,
            Destinations = destinations.ToList(),
            StoreIds = storeIds,
            Source = source,
            Folder = folder ?? string.Empty,
            StartEventTime = request.StartEventTime,
            EndEventTime = request.EndEventTime,
            CreatedTimestamp = now,
            UpdatedTimestamp = now,
        };
        region.Imports[id] = import;
        return import;
    }

    private ImportState Retry(StartImportRequest request, string id, CallScope scope, DateTimeOffset now)
    {
        if (request.Destinations is not null || request.ImportSource is not null || request.StartEventTime is not null || request.EndEventTime is not null)
        {
            throw new InvalidParameterException("To retry an import give its ImportId alone; to start a new one leave ImportId out.");
        }

        var import = Find(scope, id);
        if (import.Status != ImportStatus.Failed && import.Status != ImportStatus.Stopped)
        {
            throw new InvalidParameterException("Import " + id + " is " + import.Status.Value + "; only a FAILED or STOPPED import can be retried.");
        }

        foreach (var destination in import.Destinations)
        {
            CheckDestination(scope, destination, now);
        }

        CheckNoneOngoing(_store.Region(scope));
        import.Status = ImportStatus.Initializing;
        import.UpdatedTimestamp = now;
        import.Cancellation.Dispose();
        import.Cancellation = new System.Threading.CancellationTokenSource();
        for (var i = 0; i < import.Failures.Count; i++)
        {
            if (import.Failures[i].Status == ImportFailureStatus.Failed)
            {
                import.Failures[i] = import.Failures[i] with { Status = ImportFailureStatus.Retry, LastUpdatedTime = now };
            }
        }

        return import;
    }

    // The destination must be a store this account can write to, live, settled, and holding CloudTrail events.
    private string CheckDestination(CallScope scope, string arn, DateTimeOffset now)
    {
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw new EventDataStoreARNInvalidException("Destinations takes event data store ARNs (arn:aws:cloudtrail:REGION:ACCOUNT:eventdatastore/ID), not '" + arn + "'.");
        }

        var store = _stores.FindActive(scope, arn, now);
        // Replay rebuilds ingestion switches on today's clock, so a store's past transitions cannot be judged then.
        var status = store.StatusAt(now);
        if (status != EventDataStoreStatus.Enabled && status != EventDataStoreStatus.StoppedIngestion && !_replaying())
        {
            throw new InvalidEventDataStoreStatusException("Event data store " + store.Name + " is " + status.Value + "; an import needs it ENABLED or STOPPED_INGESTION.");
        }

        var categories = store.AdvancedEventSelectors.SelectMany(s => s.FieldSelectors ?? Array.Empty<AdvancedFieldSelector>())
            .Where(f => f.Field == "eventCategory").SelectMany(f => f.EqualsValue ?? Array.Empty<string>()).ToList();
        if (categories.Exists(c => c is not ("Management" or "Data")))
        {
            throw new InvalidEventDataStoreCategoryException("Event data store " + store.Name + " collects " + string.Join(", ", categories.Distinct())
                + " events; CloudTrail log files can be imported only into a store of CloudTrail events (Management or Data).");
        }

        return store.Id;
    }

    private static void CheckNoneOngoing(RegionState region)
    {
        if (region.Imports.Values.FirstOrDefault(i => i.IsActive) is { } ongoing)
        {
            throw new AccountHasOngoingImportException("Import " + ongoing.Id + " is still " + ongoing.Status.Value + "; wait for it to end or stop it before starting another.");
        }
    }

    private ImportState Find(CallScope scope, string id) =>
        _store.Region(scope).Imports.TryGetValue(id, out var import)
            ? import
            : throw new ImportNotFoundException("No import " + id + " in account " + scope.Account + ", region " + scope.Region + ".");

    private static ImportStatistics Statistics(ImportState import) => new()
    {
        PrefixesFound = import.PrefixesFound,
        PrefixesCompleted = import.PrefixesCompleted,
        FilesCompleted = import.FilesCompleted,
        EventsCompleted = import.EventsCompleted,
        FailedEntries = import.Failures.Count(f => f.Status != ImportFailureStatus.Succeeded),
    };

    private static (int Start, int Size) Page(string? token, int? maxResults, string owner) =>
        (token is null ? 0 : PageToken.Read(token, owner), maxResults ?? DefaultPageSize);

    private static string Text(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/.+$")]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d{1,2}$")]
    private static partial Regex Region();

    [GeneratedRegex(@"^arn:aws[a-z-]*:cloudtrail:[a-z0-9-]+:\d{12}:eventdatastore/.+$")]
    private static partial Regex EventDataStoreArn();
}
