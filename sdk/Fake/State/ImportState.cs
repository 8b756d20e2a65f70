using System;
using System.Collections.Generic;
using System.Threading;

namespace CloudTrailSdk.Fake;

/// <summary>One CloudTrail Lake import: where it reads, where it writes, how far it got, and what failed.</summary>
internal sealed class ImportState
{
    public required string Id { get; init; }

    public required CallScope Scope { get; init; }

    /// <summary>Destination event data store ARNs, as the caller gave them.</summary>
    public required IReadOnlyList<string> Destinations { get; init; }

    /// <summary>The destination stores' ids, which the Lake engine knows them by.</summary>
    public required IReadOnlyList<string> StoreIds { get; init; }

    public required S3ImportSource Source { get; init; }

    /// <summary>The local folder the source's S3 location maps to.</summary>
    public required string Folder { get; init; }

    public DateTimeOffset? StartEventTime { get; init; }

    public DateTimeOffset? EndEventTime { get; init; }

    public DateTimeOffset CreatedTimestamp { get; init; }

    public DateTimeOffset UpdatedTimestamp { get; set; }

    public ImportStatus Status { get; set; } = ImportStatus.Initializing;

    public long PrefixesFound { get; set; }

    public long PrefixesCompleted { get; set; }

    public long FilesCompleted { get; set; }

    public long EventsCompleted { get; set; }

    /// <summary>Files already imported (relative paths): a retry skips them, so no event lands twice.</summary>
    public HashSet<string> CompletedFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Failure entries by file location, in the order the files failed.</summary>
    public List<ImportFailureListItem> Failures { get; } = new();

    /// <summary>Cancelled by StopImport; a retry gets a fresh one.</summary>
    public CancellationTokenSource Cancellation { get; set; } = new();

    public bool IsActive => Status == ImportStatus.Initializing || Status == ImportStatus.InProgress;
}
