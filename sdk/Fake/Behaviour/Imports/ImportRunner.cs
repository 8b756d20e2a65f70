using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Runs an import: INITIALIZING for <see cref="FakeCloudTrailOptions.LakeTransitionTime"/> on the fake's clock, then
/// IN_PROGRESS while it reads every CloudTrail log file (<c>.json</c>, <c>.json.gz</c>) under its folder, recursively,
/// keeps the events inside its time window and adds them to each destination store; then COMPLETED, or FAILED when a
/// file could not be imported. A bad file becomes a failure entry and the import goes on with the next one.
/// </summary>
internal sealed class ImportRunner
{
    private readonly FakeStore _store;
    private readonly FakeCloudTrailOptions _options;
    private readonly LakeEngine _lake;

    public ImportRunner(FakeStore store, FakeCloudTrailOptions options, LakeEngine lake)
    {
        _store = store;
        _options = options;
        _lake = lake;
    }

    public async Task RunAsync(ImportState import)
    {
        CancellationToken token;
        lock (_store.Gate)
        {
            token = import.Cancellation.Token;
        }

        try
        {
            await Task.Delay(_options.LakeTransitionTime, _options.TimeProvider, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Run(import, token);
    }

    /// <summary>Runs the import on the caller's thread, with no INITIALIZING wait: what a journal replay needs.</summary>
    public void RunNow(ImportState import)
    {
        CancellationToken token;
        lock (_store.Gate)
        {
            token = import.Cancellation.Token;
        }

        Run(import, token);
    }

    private void Run(ImportState import, CancellationToken token)
    {
        lock (_store.Gate)
        {
            if (import.Status != ImportStatus.Initializing || token.IsCancellationRequested)
            {
                return;
            }

            import.Status = ImportStatus.InProgress;
            import.UpdatedTimestamp = Now;
        }

        List<string> files;
        if (!Directory.Exists(import.Folder))
        {
            lock (_store.Gate)
            {
                Fail(import, import.Source.S3LocationUri, "SourceNotFound", "No folder is mapped to " + import.Source.S3LocationUri + " any more.");
                End(import);
            }

            return;
        }

        try
        {
            files = Directory.EnumerateFiles(import.Folder, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lock (_store.Gate)
            {
                Fail(import, import.Source.S3LocationUri, "AccessDenied", "The source location cannot be listed: " + ex.Message);
                End(import);
            }

            return;
        }

        // A prefix is a folder holding log files, as CloudTrail's S3 layout keeps one per account, region and day.
        var prefixes = files.GroupBy(f => Path.GetDirectoryName(f) ?? import.Folder, StringComparer.Ordinal).ToList();
        lock (_store.Gate)
        {
            import.PrefixesFound = prefixes.Count;
            import.PrefixesCompleted = 0;
        }

        foreach (var prefix in prefixes)
        {
            foreach (var file in prefix)
            {
                if (!ImportFile(import, file, token))
                {
                    return;
                }
            }

            lock (_store.Gate)
            {
                if (token.IsCancellationRequested)
                {
                    return;
                }

                import.PrefixesCompleted++;
                import.UpdatedTimestamp = Now;
            }
        }

        lock (_store.Gate)
        {
            End(import);
        }
    }

    // False when the import was stopped.
    private bool ImportFile(ImportState import, string file, CancellationToken token)
    {
        var relative = Path.GetRelativePath(import.Folder, file);
        lock (_store.Gate)
        {
            if (token.IsCancellationRequested)
            {
                return false;
            }

            if (import.CompletedFiles.Contains(relative))
            {
                return true;
            }
        }

        var location = ImportSourceMap.LocationOf(import.Source.S3LocationUri, import.Folder, file);
        List<SeededEvent> events;
        try
        {
            using var stream = File.OpenRead(file);
            events = CloudTrailLogReader.Read(stream, location, import.Scope.Account);
        }
        catch (FakeSeedException ex)
        {
            lock (_store.Gate)
            {
                Fail(import, location, "InvalidLogFile", ex.Message);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            lock (_store.Gate)
            {
                Fail(import, location, "AccessDenied", location + " cannot be read: " + ex.Message);
            }

            return true;
        }

        var kept = events.Select(e => e.Event)
            .Where(e => (import.StartEventTime is not { } from || e.EventTime >= from) && (import.EndEventTime is not { } to || e.EventTime <= to))
            .ToList();
        lock (_store.Gate)
        {
            // Checked under the gate StopImport takes: once it answers, no more events land.
            if (token.IsCancellationRequested)
            {
                return false;
            }

            _lake.Ingest(import.StoreIds.SelectMany(id => kept.Select(e => (id, e))));
            import.FilesCompleted++;
            import.EventsCompleted += kept.Count;
            import.CompletedFiles.Add(relative);
            import.UpdatedTimestamp = Now;
            var index = import.Failures.FindIndex(f => f.Location == location);
            if (index >= 0)
            {
                import.Failures[index] = import.Failures[index] with { Status = ImportFailureStatus.Succeeded, LastUpdatedTime = Now };
            }
        }

        return true;
    }

    // Callers hold the gate. A file that failed before (and is being retried) keeps its one entry.
    private void Fail(ImportState import, string location, string errorType, string message)
    {
        var entry = new ImportFailureListItem { Location = location, Status = ImportFailureStatus.Failed, ErrorType = errorType, ErrorMessage = message, LastUpdatedTime = Now };
        var index = import.Failures.FindIndex(f => f.Location == location);
        if (index >= 0)
        {
            import.Failures[index] = entry;
        }
        else
        {
            import.Failures.Add(entry);
        }

        import.UpdatedTimestamp = Now;
    }

    private void End(ImportState import)
    {
        if (import.Status != ImportStatus.InProgress)
        {
            return;
        }

        import.Status = import.Failures.Exists(f => f.Status != ImportFailureStatus.Succeeded) ? ImportStatus.Failed : ImportStatus.Completed;
        import.UpdatedTimestamp = Now;
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();
}
