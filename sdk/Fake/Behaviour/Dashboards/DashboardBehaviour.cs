using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace CloudTrailSdk.Fake;

/// <summary>
/// CloudTrail Lake dashboards: CreateDashboard, GetDashboard (by name or ARN), ListDashboards, UpdateDashboard,
/// DeleteDashboard (refused under termination protection) and StartDashboardRefresh, which starts each widget's query
/// through <see cref="QueryBehaviour"/>, so the queries are ordinary Lake queries: listed, described, read as StartQuery's.
/// The fake keeps custom dashboards only; it has no managed (MANAGED) ones.
/// </summary>
internal sealed class DashboardBehaviour
{
    /// <summary>Custom dashboards per account and region, as AWS limits them.</summary>
    public const int MaxDashboardsPerRegion = 100;

    private const int DefaultPageSize = 1000;
    private const string ArnMarker = ":dashboard/";

    private readonly FakeStore _store;
    private readonly EventDataStoreBehaviour _stores;
    private readonly QueryBehaviour _queries;
    private readonly Func<bool> _replaying;

    // replaying: true while the journal replays; a replayed refresh keeps its id but starts no queries.
    public DashboardBehaviour(FakeStore store, EventDataStoreBehaviour stores, QueryBehaviour queries, Func<bool> replaying)
    {
        _store = store;
        _stores = stores;
        _queries = queries;
        _replaying = replaying;
    }

    public CreateDashboardResponse Create(CreateDashboardRequest request, CallScope scope, DateTimeOffset now)
    {
        var (widgets, storeIds) = DashboardWidgets.Check(request.Widgets ?? Array.Empty<RequestWidget>());
        if (request.RefreshSchedule is { } schedule)
        {
            DashboardWidgets.CheckSchedule(schedule);
        }

        var tags = TagBehaviour.Distinct(request.TagsList ?? Array.Empty<Tag>()).ToList();
        if (tags.Count > TagBehaviour.MaxTagsPerResource)
        {
            throw new InvalidTagParameterException("A resource can have at most " + TagBehaviour.MaxTagsPerResource + " tags; this request gives " + tags.Count + ".");
        }

        lock (_store.Gate)
        {
            CheckStores(scope, storeIds, now);
            var region = _store.Region(scope);
            if (region.Dashboards.ContainsKey(request.Name))
            {
                throw new ConflictException("A dashboard named " + request.Name + " already exists in " + scope.Region + ".");
            }

            if (region.Dashboards.Count >= MaxDashboardsPerRegion)
            {
                throw new ServiceQuotaExceededException("An account can have at most " + MaxDashboardsPerRegion + " dashboards per region.");
            }

            // A dashboard's ARN ends with its name, and GetDashboard takes either; the name is its id.
            var dashboard = new DashboardState
            {
                Id = request.Name,
                Arn = "arn:aws:cloudtrail:" + scope.Region + ":" + scope.Account + ArnMarker + request.Name,
                Account = scope.Account,
                HomeRegion = scope.Region,
                Name = request.Name,
                Widgets = widgets,
                RefreshSchedule = request.RefreshSchedule,
                TerminationProtectionEnabled = request.TerminationProtectionEnabled ?? false,
                CreatedTimestamp = now,
                UpdatedTimestamp = now,
            };
            dashboard.Tags.AddRange(tags);
            region.Dashboards[dashboard.Id] = dashboard;
            return new CreateDashboardResponse
            {
                DashboardArn = dashboard.Arn,
                Name = dashboard.Name,
                Type = dashboard.Type,
                Widgets = dashboard.Widgets,
                TagsList = dashboard.Tags.ToArray(),
                RefreshSchedule = dashboard.RefreshSchedule,
                TerminationProtectionEnabled = dashboard.TerminationProtectionEnabled,
            };
        }
    }

    public GetDashboardResponse Get(GetDashboardRequest request, CallScope scope, DateTimeOffset now)
    {
        lock (_store.Gate)
        {
            var dashboard = Find(scope, request.DashboardId);
            return new GetDashboardResponse
            {
                DashboardArn = dashboard.Arn,
                Type = dashboard.Type,
                Status = dashboard.Status,
                Widgets = dashboard.Widgets,
                RefreshSchedule = dashboard.RefreshSchedule,
                CreatedTimestamp = dashboard.CreatedTimestamp,
                UpdatedTimestamp = dashboard.UpdatedTimestamp,
                LastRefreshId = dashboard.LastRefreshId,
                LastRefreshFailureReason = FailureOfLastRefresh(dashboard, scope, now),
                TerminationProtectionEnabled = dashboard.TerminationProtectionEnabled,
            };
        }
    }

    public ListDashboardsResponse List(ListDashboardsRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var matching = _store.Region(scope).Dashboards.Values
                .Where(d => request.NamePrefix is not { } prefix || d.Name.StartsWith(prefix, StringComparison.Ordinal))
                .Where(d => request.Type is not { } type || d.Type == type)
                .OrderBy(d => d.Name, StringComparer.Ordinal)
                .ToList();
            var start = request.NextToken is { } token ? PageToken.Read(token, "dashboards") : 0;
            var size = request.MaxResults ?? DefaultPageSize;
            return new ListDashboardsResponse
            {
                Dashboards = matching.Skip(start).Take(size).Select(d => new DashboardDetail { DashboardArn = d.Arn, Type = d.Type }).ToList(),
                NextToken = start + size < matching.Count ? PageToken.Write("dashboards", start + size) : null,
            };
        }
    }

    public UpdateDashboardResponse Update(UpdateDashboardRequest request, CallScope scope, DateTimeOffset now)
    {
        var (widgets, storeIds) = request.Widgets is { } given ? DashboardWidgets.Check(given) : (null, Array.Empty<string>());
        if (request.RefreshSchedule is { } schedule)
        {
            DashboardWidgets.CheckSchedule(schedule);
        }

        lock (_store.Gate)
        {
            var dashboard = Find(scope, request.DashboardId);
            CheckStores(scope, storeIds, now);
            dashboard.Widgets = widgets ?? dashboard.Widgets;
            dashboard.RefreshSchedule = request.RefreshSchedule ?? dashboard.RefreshSchedule;
            dashboard.TerminationProtectionEnabled = request.TerminationProtectionEnabled ?? dashboard.TerminationProtectionEnabled;
            dashboard.Status = DashboardStatus.Updated;
            dashboard.UpdatedTimestamp = now;
            return new UpdateDashboardResponse
            {
                DashboardArn = dashboard.Arn,
                Name = dashboard.Name,
                Type = dashboard.Type,
                Widgets = dashboard.Widgets,
                RefreshSchedule = dashboard.RefreshSchedule,
                TerminationProtectionEnabled = dashboard.TerminationProtectionEnabled,
                CreatedTimestamp = dashboard.CreatedTimestamp,
                UpdatedTimestamp = dashboard.UpdatedTimestamp,
            };
        }
    }

    public DeleteDashboardResponse Delete(DeleteDashboardRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var dashboard = Find(scope, request.DashboardId);
            if (dashboard.TerminationProtectionEnabled)
            {
                throw new ConflictException("Dashboard " + dashboard.Name + " has termination protection on; turn it off with UpdateDashboard first.");
            }

            _store.Region(scope).Dashboards.Remove(dashboard.Id);
            return new DeleteDashboardResponse();
        }
    }

    public StartDashboardRefreshResponse Refresh(StartDashboardRefreshRequest request, CallScope scope, DateTimeOffset now, string requestId)
    {
        var values = request.QueryParameterValues ?? new Dictionary<string, string>();
        DashboardWidgets.CheckValues(values);
        IReadOnlyList<Widget> widgets;
        List<IReadOnlyList<string>?> parameters;
        string id;
        lock (_store.Gate)
        {
            var dashboard = Find(scope, request.DashboardId);
            id = dashboard.Id;
            widgets = dashboard.Widgets;
            parameters = widgets.Select((w, i) => DashboardWidgets.Resolve(w, i, values, now)).ToList();

            // Every store is checked before any query starts, so a refresh that cannot run starts none.
            foreach (var widget in widgets)
            {
                CheckStores(scope, LakeSql.Prepare(widget.QueryStatement!, widget.QueryParameters?.Select(_ => "0").ToList()).StoreIds, now);
            }
        }

        var queryIds = new List<string>();
        if (!_replaying())
        {
            for (var i = 0; i < widgets.Count; i++)
            {
                try
                {
                    queryIds.Add(_queries.StartQuery(new StartQueryRequest { QueryStatement = widgets[i].QueryStatement, QueryParameters = parameters[i] }, scope, now).QueryId!);
                }
                catch (MaxConcurrentQueriesException ex)
                {
                    throw new ServiceQuotaExceededException("The refresh could not start widget " + (i + 1) + "'s query: " + ex.Message);
                }
            }
        }

        var refreshId = RefreshIdOf(requestId);
        lock (_store.Gate)
        {
            // Deleted while its queries started: the refresh still ran, with nothing left to show it on.
            if (_store.Region(scope).Dashboards.TryGetValue(id, out var dashboard))
            {
                dashboard.LastRefreshId = refreshId;
                dashboard.LastRefreshQueryIds = queryIds;
            }
        }

        return new StartDashboardRefreshResponse { RefreshId = refreshId };
    }

    /// <summary>
    /// A dashboard's widget queries are described by QueryAlias and RefreshId, with no QueryId: this puts in the id of
    /// the query that refresh started for that widget. Any other DescribeQuery passes through unchanged.
    /// </summary>
    public DescribeQueryRequest WithWidgetQueryId(DescribeQueryRequest request, CallScope scope)
    {
        if (request.QueryId is not null || request.QueryAlias is null || request.RefreshId is null)
        {
            return request;
        }

        lock (_store.Gate)
        {
            foreach (var dashboard in _store.Region(scope).Dashboards.Values.Where(d => d.LastRefreshId == request.RefreshId))
            {
                for (var i = 0; i < dashboard.Widgets.Count && i < dashboard.LastRefreshQueryIds.Count; i++)
                {
                    if (dashboard.Widgets[i].QueryAlias == request.QueryAlias)
                    {
                        return request with { QueryId = dashboard.LastRefreshQueryIds[i] };
                    }
                }
            }
        }

        throw new QueryIdNotFoundException("No widget " + request.QueryAlias + " ran in a dashboard refresh " + request.RefreshId + " (the fake keeps each dashboard's last refresh only).");
    }

    private void CheckStores(CallScope scope, IEnumerable<string> storeIds, DateTimeOffset now)
    {
        foreach (var id in storeIds)
        {
            _stores.FindActive(scope, id, now);
        }
    }

    // The last refresh failed when one of its queries did; the first failure is the reason, naming its widget.
    private string? FailureOfLastRefresh(DashboardState dashboard, CallScope scope, DateTimeOffset now)
    {
        for (var i = 0; i < dashboard.LastRefreshQueryIds.Count; i++)
        {
            DescribeQueryResponse described;
            try
            {
                described = _queries.DescribeQuery(new DescribeQueryRequest { QueryId = dashboard.LastRefreshQueryIds[i] }, scope, now);
            }
            catch (QueryIdNotFoundException)
            {
                continue;
            }

            if (described.QueryStatus == QueryStatus.Failed || described.QueryStatus == QueryStatus.TimedOut)
            {
                var reason = "Widget " + (i + 1) + " (" + dashboard.Widgets[i].QueryAlias + "): " + (described.ErrorMessage ?? described.QueryStatus?.Value);
                return reason.Length > 1000 ? reason[..1000] : reason;
            }
        }

        return null;
    }

    private DashboardState Find(CallScope scope, string nameOrArn)
    {
        var name = nameOrArn;
        if (nameOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            var parts = nameOrArn.Split(':');
            var marker = nameOrArn.IndexOf(ArnMarker, StringComparison.Ordinal);
            if (marker < 0 || parts.Length != 6 || parts[2] != "cloudtrail" || parts[3] != scope.Region || parts[4] != scope.Account)
            {
                throw new ResourceNotFoundException("No dashboard " + nameOrArn + " in account " + scope.Account + ", region " + scope.Region + ".");
            }

            name = nameOrArn[(marker + ArnMarker.Length)..];
        }

        return _store.Region(scope).Dashboards.TryGetValue(name, out var dashboard)
            ? dashboard
            : throw new ResourceNotFoundException("No dashboard " + nameOrArn + " in account " + scope.Account + ", region " + scope.Region + ".");
    }

    // A refresh id is digits (10 to 20 of them); derived from the request id, so a journal replay keeps it.
    private static string RefreshIdOf(string requestId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(requestId + "/dashboard-refresh"), hash);
        var number = BinaryPrimitives.ReadUInt64BigEndian(hash) % 10_000_000_000_000_000UL;
        return number.ToString("D16", CultureInfo.InvariantCulture);
    }
}
