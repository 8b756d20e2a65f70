using System;
using System.Collections.Generic;
using System.Threading;

namespace CloudTrailSdk.Fake;

/// <summary>One Lake query: what was asked, where it stands, and its rows once it has them.</summary>
internal sealed class QueryState
{
    public required string Id { get; init; }

    public required CallScope Scope { get; init; }

    public required string Statement { get; init; }

    public required IReadOnlyList<string> StoreIds { get; init; }

    public required DateTimeOffset CreationTime { get; init; }

    public QueryStatus Status { get; set; } = QueryStatus.Queued;

    public string? ErrorMessage { get; set; }

    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> Rows { get; set; } = Array.Empty<IReadOnlyList<KeyValuePair<string, string>>>();

    public long EventsScanned { get; set; }

    public long BytesScanned { get; set; }

    public int ExecutionTimeInMillis { get; set; }

    public CancellationTokenSource Cancellation { get; } = new();

    public bool IsActive => Status == QueryStatus.Queued || Status == QueryStatus.Running;
}
