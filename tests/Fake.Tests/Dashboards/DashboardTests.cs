using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Dashboards;

/// <summary>Dashboards: create, read, list, update, delete, and a refresh that runs each widget's query on the Lake engine.</summary>
[Trait("Category", "Unit")]
public sealed class DashboardTests : IDisposable
{
    private readonly FakeCloudTrail _fake = new();
    private readonly CloudTrailClient _client;

    public DashboardTests() => _client = Clients.InProcess(_fake, "us-east-1");

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    private static RequestWidget Widget(string statement, params string[] parameters) => new()
    {
        QueryStatement = statement,
        QueryParameters = parameters.Length == 0 ? null : parameters,
        ViewProperties = new Dictionary<string, string> { ["View"] = "Table" },
    };

    private async Task<string> StoreAsync(string name) =>
        (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = name })).EventDataStoreArn!.Split('/')[^1];

    [Fact]
    public async Task A_dashboard_is_created_read_listed_updated_and_deleted()
    {
        var store = await StoreAsync("dash-store");
        var created = await _client.CreateDashboardAsync(new CreateDashboardRequest
        {
            Name = "ops-view",
            Widgets = new[] { Widget("SELECT eventName FROM " + store + " WHERE eventTime > ?", "$StartTime$") },
            RefreshSchedule = new RefreshSchedule { Frequency = new RefreshScheduleFrequency { Unit = RefreshScheduleFrequencyUnit.Hours, Value = 6 }, Status = RefreshScheduleStatus.Enabled, TimeOfDay = "05:30" },
            TagsList = new[] { new Tag { Key = "team", Value = "ops" } },
        });
        await _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "other-view" });

        Assert.Equal("arn:aws:cloudtrail:us-east-1:" + FakeCloudTrail.DefaultAccountId + ":dashboard/ops-view", created.DashboardArn);
        Assert.Equal(DashboardType.Custom, created.Type);
        Assert.Equal("widget-1", Assert.Single(created.Widgets!).QueryAlias);
        Assert.False(created.TerminationProtectionEnabled);

        var byName = await _client.GetDashboardAsync(new GetDashboardRequest { DashboardId = "ops-view" });
        var byArn = await _client.GetDashboardAsync(new GetDashboardRequest { DashboardId = created.DashboardArn! });
        Assert.Equal((byName.DashboardArn, byName.CreatedTimestamp, byName.Widgets![0].QueryStatement), (byArn.DashboardArn, byArn.CreatedTimestamp, byArn.Widgets![0].QueryStatement));
        Assert.Equal(new[] { "$StartTime$" }, byName.Widgets[0].QueryParameters);
        Assert.Equal("Table", byName.Widgets[0].ViewProperties!["View"]);
        Assert.Equal(DashboardStatus.Created, byName.Status);
        Assert.Equal(6, byName.RefreshSchedule!.Frequency!.Value);
        Assert.Null(byName.LastRefreshId);

        var all = (await _client.ListDashboardsAsync(new ListDashboardsRequest())).Dashboards!;
        Assert.Equal(new[] { "ops-view", "other-view" }, all.Select(d => d.DashboardArn!.Split('/')[^1]));
        Assert.Equal(created.DashboardArn, Assert.Single((await _client.ListDashboardsAsync(new ListDashboardsRequest { NamePrefix = "ops" })).Dashboards!).DashboardArn);
        Assert.Empty((await _client.ListDashboardsAsync(new ListDashboardsRequest { Type = DashboardType.Managed })).Dashboards!);
        var page = await _client.ListDashboardsAsync(new ListDashboardsRequest { MaxResults = 1 });
        var rest = await _client.ListDashboardsAsync(new ListDashboardsRequest { MaxResults = 1, NextToken = page.NextToken });
        Assert.Equal(all, page.Dashboards!.Concat(rest.Dashboards!));
        Assert.Null(rest.NextToken);

        var updated = await _client.UpdateDashboardAsync(new UpdateDashboardRequest
        {
            DashboardId = "ops-view",
            Widgets = new[] { Widget("SELECT COUNT(*) AS n FROM " + store), Widget("SELECT eventSource FROM " + store) },
            TerminationProtectionEnabled = true,
        });
        Assert.Equal(new[] { "widget-1", "widget-2" }, updated.Widgets!.Select(w => w.QueryAlias));
        Assert.True(updated.TerminationProtectionEnabled);
        Assert.Equal(6, updated.RefreshSchedule!.Frequency!.Value);
        Assert.Equal(DashboardStatus.Updated, (await _client.GetDashboardAsync(new GetDashboardRequest { DashboardId = "ops-view" })).Status);

        Assert.Equal("ConflictException", await Errors.CodeOf(() => _client.DeleteDashboardAsync(new DeleteDashboardRequest { DashboardId = "ops-view" })));
        await _client.UpdateDashboardAsync(new UpdateDashboardRequest { DashboardId = "ops-view", TerminationProtectionEnabled = false });
        await _client.DeleteDashboardAsync(new DeleteDashboardRequest { DashboardId = created.DashboardArn! });
        Assert.Equal("ResourceNotFoundException", await Errors.CodeOf(() => _client.GetDashboardAsync(new GetDashboardRequest { DashboardId = "ops-view" })));
        Assert.Equal("ResourceNotFoundException", await Errors.CodeOf(() => _client.DeleteDashboardAsync(new DeleteDashboardRequest { DashboardId = "ops-view" })));
        Assert.Equal("ResourceNotFoundException", await Errors.CodeOf(() => _client.UpdateDashboardAsync(new UpdateDashboardRequest { DashboardId = "ops-view" })));
    }

    [Fact]
    public async Task A_refresh_runs_each_widgets_query_on_the_Lake_engine()
    {
        var store = await StoreAsync("refresh-store");
        await _client.ListTrailsAsync(new ListTrailsRequest());
        await _client.ListTrailsAsync(new ListTrailsRequest());
        await _client.CreateDashboardAsync(new CreateDashboardRequest
        {
            Name = "calls",
            Widgets = new[]
            {
                Widget("SELECT eventName, COUNT(*) AS calls FROM " + store + " WHERE eventName = 'ListTrails' AND eventTime >= ? AND eventTime <= ? GROUP BY eventName", "$StartTime$", "$EndTime$"),
                Widget("SELECT COUNT(*) AS n FROM " + store + " WHERE eventName = ?", "ListTrails"),
            },
        });

        var refresh = await _client.StartDashboardRefreshAsync(new StartDashboardRefreshRequest
        {
            DashboardId = "calls",
            QueryParameterValues = new Dictionary<string, string> { ["$StartTime$"] = "2020-01-01T00:00:00Z", ["$EndTime$"] = "2100-01-01T00:00:00Z" },
        });

        Assert.Matches("^[0-9]{10,20}$", refresh.RefreshId);
        Assert.Equal(refresh.RefreshId, (await _client.GetDashboardAsync(new GetDashboardRequest { DashboardId = "calls" })).LastRefreshId);
        var queries = (await _client.ListQueriesAsync(new ListQueriesRequest { EventDataStore = store })).Queries!;
        Assert.Equal(2, queries.Count);
        var results = new List<IReadOnlyList<IReadOnlyList<IReadOnlyDictionary<string, string>>>>();
        foreach (var query in queries.OrderBy(q => q.QueryId))
        {
            results.Add((await FinishAsync(query.QueryId!)).QueryResultRows!);
        }

        var cells = results.SelectMany(rows => rows.SelectMany(row => row.SelectMany(cell => cell))).ToDictionary(c => c.Key, c => c.Value);
        Assert.Equal("ListTrails", cells["eventName"]);
        Assert.Equal("2", cells["calls"]);
        Assert.Equal("2", cells["n"]);
        var dashboard = await _client.GetDashboardAsync(new GetDashboardRequest { DashboardId = "calls" });
        Assert.Null(dashboard.LastRefreshFailureReason);

        // As the console does: each widget's query, found by its alias and the refresh, with no query id.
        foreach (var widget in dashboard.Widgets!)
        {
            var described = await _client.DescribeQueryAsync(new DescribeQueryRequest { QueryAlias = widget.QueryAlias, RefreshId = refresh.RefreshId });
            Assert.Equal(widget.QueryStatement, described.QueryString);
        }

        Assert.Equal("QueryIdNotFoundException", await Errors.CodeOf(() => _client.DescribeQueryAsync(new DescribeQueryRequest { QueryAlias = dashboard.Widgets![0].QueryAlias, RefreshId = "1" + refresh.RefreshId })));
    }

    [Fact]
    public async Task A_failed_widget_query_is_the_last_refreshs_failure_reason()
    {
        var store = await StoreAsync("failing-store");
        await _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "broken", Widgets = new[] { Widget("SELECT no_such_column FROM " + store) } });

        await _client.StartDashboardRefreshAsync(new StartDashboardRefreshRequest { DashboardId = "broken" });
        await FinishAsync(Assert.Single((await _client.ListQueriesAsync(new ListQueriesRequest { EventDataStore = store })).Queries!).QueryId!);

        var reason = (await _client.GetDashboardAsync(new GetDashboardRequest { DashboardId = "broken" })).LastRefreshFailureReason;
        Assert.StartsWith("Widget 1 (widget-1): ", reason, StringComparison.Ordinal);
        Assert.Contains("no_such_column", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_modelled_errors_are_given_where_the_request_gives_cause()
    {
        var store = await StoreAsync("error-store");
        await _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "taken", Widgets = new[] { Widget("SELECT eventName FROM " + store + " WHERE eventTime > ?", "$Period$") } });

        Assert.Equal("ConflictException", await Errors.CodeOf(() => _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "taken" })));
        Assert.Equal("InvalidQueryStatementException", await Errors.CodeOf(() => _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "deleter", Widgets = new[] { Widget("DELETE FROM " + store) } })));
        Assert.Equal("InvalidQueryStatementException", await Errors.CodeOf(() => _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "unknown-param", Widgets = new[] { Widget("SELECT * FROM " + store + " WHERE eventName = ?", "$Region$") } })));
        Assert.Equal("InvalidQueryStatementException", await Errors.CodeOf(() => _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "too-few", Widgets = new[] { Widget("SELECT * FROM " + store + " WHERE eventName = ?") } })));
        Assert.Equal("EventDataStoreNotFoundException", await Errors.CodeOf(() => _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "nowhere", Widgets = new[] { Widget("SELECT * FROM 00000000-0000-4000-8000-000000000000") } })));
        Assert.Equal("ServiceQuotaExceededException", await Errors.CodeOf(() => _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "crowded", Widgets = Enumerable.Range(0, 11).Select(_ => Widget("SELECT * FROM " + store)).ToArray() })));
        Assert.Equal("InvalidTagParameterException", await Errors.CodeOf(() => _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "tagged", TagsList = Enumerable.Range(0, 51).Select(i => new Tag { Key = "k" + i, Value = "v" }).ToArray() })));
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "every-5h", RefreshSchedule = new RefreshSchedule { Frequency = new RefreshScheduleFrequency { Unit = RefreshScheduleFrequencyUnit.Hours, Value = 5 } } })));
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "at-25h", RefreshSchedule = new RefreshSchedule { TimeOfDay = "25:00" } })));
        Assert.Equal("InvalidQueryStatementException", await Errors.CodeOf(() => _client.UpdateDashboardAsync(new UpdateDashboardRequest { DashboardId = "taken", Widgets = new[] { Widget("DROP TABLE x") } })));

        // $Period$ has no default: a refresh must give it. Unknown parameters are refused too.
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => _client.StartDashboardRefreshAsync(new StartDashboardRefreshRequest { DashboardId = "taken" })));
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => _client.StartDashboardRefreshAsync(new StartDashboardRefreshRequest { DashboardId = "taken", QueryParameterValues = new Dictionary<string, string> { ["$Region$"] = "x" } })));
        Assert.Equal("ResourceNotFoundException", await Errors.CodeOf(() => _client.StartDashboardRefreshAsync(new StartDashboardRefreshRequest { DashboardId = "missing" })));

        // A store deleted after the dashboard was made: the refresh and an update naming it meet InactiveEventDataStoreException.
        await _client.UpdateEventDataStoreAsync(new UpdateEventDataStoreRequest { EventDataStore = store, TerminationProtectionEnabled = false });
        await _client.DeleteEventDataStoreAsync(new DeleteEventDataStoreRequest { EventDataStore = store });
        Assert.Equal("InactiveEventDataStoreException", await Errors.CodeOf(() => _client.StartDashboardRefreshAsync(new StartDashboardRefreshRequest { DashboardId = "taken", QueryParameterValues = new Dictionary<string, string> { ["$Period$"] = "1h" } })));
        Assert.Equal("InactiveEventDataStoreException", await Errors.CodeOf(() => _client.UpdateDashboardAsync(new UpdateDashboardRequest { DashboardId = "taken", Widgets = new[] { Widget("SELECT * FROM " + store) } })));
    }

    [Fact]
    public async Task The_hundred_and_first_dashboard_exceeds_the_quota()
    {
        for (var i = 0; i < DashboardLimit; i++)
        {
            await _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "dash-" + i });
        }

        Assert.Equal("ServiceQuotaExceededException", await Errors.CodeOf(() => _client.CreateDashboardAsync(new CreateDashboardRequest { Name = "one-too-many" })));
        Assert.Equal("InvalidNextTokenException", await Errors.CodeOf(() => _client.ListDashboardsAsync(new ListDashboardsRequest { NextToken = "bm90LWEtdG9rZW4=" })));
    }

    private const int DashboardLimit = 100;

    private async Task<GetQueryResultsResponse> FinishAsync(string queryId)
    {
        GetQueryResultsResponse results = null!;
        for (var i = 0; i < 1000; i++)
        {
            results = await _client.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = queryId });
            if (results.QueryStatus != QueryStatus.Queued && results.QueryStatus != QueryStatus.Running)
            {
                break;
            }

            await Task.Delay(10);
        }

        return results;
    }
}
