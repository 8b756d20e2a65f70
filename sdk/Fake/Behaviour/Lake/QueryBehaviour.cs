using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Fake;

#pragma warning disable CS0618 // AWS deprecated EventDataStore on these requests; clients still send it, so it is still checked when given.

/// <summary>
/// Lake queries: StartQuery answers at once with a QueryId and the query runs in the background on the
/// <see cref="LakeEngine"/>, QUEUED → RUNNING → FINISHED, FAILED, CANCELLED or TIMED_OUT, as in AWS; DescribeQuery,
/// GetQueryResults (paged), ListQueries and CancelQuery read and steer it.
/// </summary>
internal sealed class QueryBehaviour
{
    /// <summary>How long a query stays listed and readable, as Lake keeps its query history.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(7);

    private const int DefaultResultsPage = 1000;
    private const int DefaultListPage = 100;

    private readonly FakeStore _store;
    private readonly FakeCloudTrailOptions _options;
    private readonly LakeEngine _lake;
    private readonly EventDataStoreBehaviour _stores;
    private readonly Dictionary<string, QueryState> _queries = new(StringComparer.Ordinal);

    public QueryBehaviour(FakeStore store, FakeCloudTrailOptions options, LakeEngine lake, EventDataStoreBehaviour stores)
    {
        _store = store;
        _options = options;
        _lake = lake;
        _stores = stores;
    }

    public StartQueryResponse StartQuery(StartQueryRequest request, CallScope scope, DateTimeOffset now)
    {
        if (request.QueryStatement is not { } statement)
        {
            throw new InvalidParameterException("StartQuery needs a QueryStatement.");
        }

        if (request.DeliveryS3Uri is not null)
        {
            throw new InvalidParameterException("This fake does not deliver query results to S3; leave DeliveryS3Uri out and read them with GetQueryResults.");
        }

        var (sql, ids) = LakeSql.Prepare(statement, request.QueryParameters);
        QueryState query;
        lock (_store.Gate)
        {
            foreach (var id in ids.Distinct())
            {
                var found = _stores.Find(scope, id, now);
                if (found.DeletedAt is not null)
                {
                    throw new InactiveEventDataStoreException("Event data store " + found.Name + " is pending deletion.");
                }
            }

            Forget(now);
            if (_queries.Values.Count(q => q.Scope == scope && q.IsActive) >= _options.MaxConcurrentQueries)
            {
                throw new MaxConcurrentQueriesException("At most " + _options.MaxConcurrentQueries + " queries can run at once; wait for one to finish or cancel one.");
            }

            query = new QueryState { Id = Guid.NewGuid().ToString(), Scope = scope, Statement = statement, StoreIds = ids, CreationTime = now };
            _queries[query.Id] = query;
        }

        _ = Task.Run(() => Execute(query, sql));
        return new StartQueryResponse { QueryId = query.Id };
    }

    public DescribeQueryResponse DescribeQuery(DescribeQueryRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var query = Find(request.QueryId, request.QueryAlias, request.EventDataStore, scope, now);
            return new DescribeQueryResponse
            {
                QueryId = query.Id,
                QueryString = query.Statement,
                QueryStatus = query.Status,
                ErrorMessage = query.ErrorMessage,
                QueryStatistics = new QueryStatisticsForDescribeQuery
                {
                    EventsMatched = query.Status == QueryStatus.Finished ? query.Rows.Count : 0,
                    EventsScanned = query.EventsScanned,
                    BytesScanned = query.BytesScanned,
                    ExecutionTimeInMillis = query.ExecutionTimeInMillis,
                    CreationTime = query.CreationTime,
                },
            };
        }
    }

    public GetQueryResultsResponse GetQueryResults(GetQueryResultsRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var query = Find(request.QueryId, null, request.EventDataStore, scope, now);
            var start = request.NextToken is { } token ? ReadToken(token, query.Id) : 0;
            var size = request.MaxQueryResults ?? DefaultResultsPage;
            var page = query.Status == QueryStatus.Finished ? query.Rows.Skip(start).Take(size).ToList() : new List<IReadOnlyList<KeyValuePair<string, string>>>();
            return new GetQueryResultsResponse
            {
                QueryStatus = query.Status,
                ErrorMessage = query.ErrorMessage,
                QueryResultRows = page.Select(row => (IReadOnlyList<IReadOnlyDictionary<string, string>>)row
                    .Select(cell => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal) { [cell.Key] = cell.Value }).ToList()).ToList(),
                QueryStatistics = new QueryStatistics { ResultsCount = page.Count, TotalResultsCount = query.Rows.Count, BytesScanned = query.BytesScanned },
                NextToken = query.Status == QueryStatus.Finished && start + size < query.Rows.Count ? WriteToken(query.Id, start + size) : null,
            };
        }
    }

    public ListQueriesResponse ListQueries(ListQueriesRequest request, CallScope scope, DateTimeOffset now)
    {
        if (request.StartTime is { } from && request.EndTime is { } to && from > to)
        {
            throw new InvalidDateRangeException("StartTime " + from.ToString("O", CultureInfo.InvariantCulture) + " is after EndTime " + to.ToString("O", CultureInfo.InvariantCulture) + ".");
        }

        lock (_store.Gate)
        {
            var store = _stores.FindActive(scope, request.EventDataStore, now);
            Forget(now);
            var matching = _queries.Values
                .Where(q => q.Scope.Account == scope.Account && q.StoreIds.Contains(store.Id, StringComparer.Ordinal))
                .Where(q => (request.StartTime is not { } s || q.CreationTime >= s) && (request.EndTime is not { } e || q.CreationTime <= e))
                .Where(q => request.QueryStatus is not { } status || q.Status == status)
                .OrderByDescending(q => q.CreationTime).ThenBy(q => q.Id, StringComparer.Ordinal)
                .ToList();
            var start = request.NextToken is { } token ? ReadToken(token, store.Id) : 0;
            var size = request.MaxResults ?? DefaultListPage;
            return new ListQueriesResponse
            {
                Queries = matching.Skip(start).Take(size).Select(q => new Query { QueryId = q.Id, QueryStatus = q.Status, CreationTime = q.CreationTime }).ToList(),
                NextToken = start + size < matching.Count ? WriteToken(store.Id, start + size) : null,
            };
        }
    }

    public CancelQueryResponse CancelQuery(CancelQueryRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var query = Find(request.QueryId, null, request.EventDataStore, scope, now);
            if (!query.IsActive)
            {
                throw new InactiveQueryException("Query " + query.Id + " is " + query.Status + "; only a QUEUED or RUNNING query can be cancelled.");
            }

            query.Status = QueryStatus.Cancelled;
            query.Cancellation.Cancel();
            return new CancelQueryResponse { QueryId = query.Id, QueryStatus = query.Status };
        }
    }

    private void Execute(QueryState query, string sql)
    {
        lock (_store.Gate)
        {
            if (query.Status != QueryStatus.Queued)
            {
                return;
            }

            query.Status = QueryStatus.Running;
            foreach (var id in query.StoreIds.Distinct())
            {
                var (events, bytes) = _lake.Size(id);
                query.EventsScanned += events;
                query.BytesScanned += bytes;
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(query.Cancellation.Token);
        timeout.CancelAfter(_options.LakeQueryTimeout);
        try
        {
            var result = _lake.Run(sql, timeout.Token);
            Finish(query, QueryStatus.Finished, null, result);
        }
        catch (OperationCanceledException)
        {
            Finish(query, query.Cancellation.IsCancellationRequested ? QueryStatus.Cancelled : QueryStatus.TimedOut, query.Cancellation.IsCancellationRequested ? null : "The query ran longer than " + _options.LakeQueryTimeout + ".", null);
        }
        catch (Exception ex) when (ex is DuckDB.NET.Data.DuckDBException or InvalidOperationException or FormatException or OverflowException)
        {
            // Whatever the engine refuses (a bad column, a type error) is the query's failure, reported as Lake reports it.
            Finish(query, query.Cancellation.IsCancellationRequested ? QueryStatus.Cancelled : QueryStatus.Failed, query.Cancellation.IsCancellationRequested ? null : ex.Message, null);
        }
    }

    private void Finish(QueryState query, QueryStatus status, string? error, LakeResult? result)
    {
        lock (_store.Gate)
        {
            if (query.Status == QueryStatus.Cancelled)
            {
                return;
            }

            query.Status = status;
            query.ErrorMessage = error;
            if (result is not null)
            {
                query.Rows = result.Rows;
                query.ExecutionTimeInMillis = (int)Math.Min(int.MaxValue, result.Elapsed.TotalMilliseconds);
            }
        }
    }

    private QueryState Find(string? queryId, string? alias, string? eventDataStore, CallScope scope, DateTimeOffset now)
    {
        if (eventDataStore is not null)
        {
            _stores.Find(scope, eventDataStore, now);
        }

        if (queryId is null)
        {
            throw alias is null
                ? new InvalidParameterException("Give a QueryId.")
                : new QueryIdNotFoundException("No query has the alias " + alias + " on its own: give the RefreshId of the dashboard refresh that ran it.");
        }

        Forget(now);
        return _queries.TryGetValue(queryId, out var query) && query.Scope.Account == scope.Account
            ? query
            : throw new QueryIdNotFoundException("The query " + queryId + " was not found.");
    }

    // Query history is kept for a week, and never more than a bounded number of queries.
    private void Forget(DateTimeOffset now)
    {
        foreach (var old in _queries.Values.Where(q => !q.IsActive && now - q.CreationTime > History).ToList())
        {
            _queries.Remove(old.Id);
        }

        if (_queries.Count > 10_000)
        {
            foreach (var old in _queries.Values.Where(q => !q.IsActive).OrderBy(q => q.CreationTime).Take(_queries.Count - 10_000).ToList())
            {
                _queries.Remove(old.Id);
            }
        }
    }

    private static string WriteToken(string owner, int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(owner + ":" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int ReadToken(string token, string owner)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(owner + ":", StringComparison.Ordinal) && int.TryParse(text.AsSpan(owner.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidNextTokenException("Invalid NextToken: it was not issued for this request.");
    }
}
