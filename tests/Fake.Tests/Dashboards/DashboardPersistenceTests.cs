using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Dashboards;

/// <summary>With a data directory, a dashboard (its widgets, schedule, timestamps and last refresh) survives a restart.</summary>
[Trait("Category", "Unit")]
public sealed class DashboardPersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ct-fake-dash-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private FakeCloudTrail Open() => new(new FakeCloudTrailOptions { DataDirectory = _directory });

    [Fact]
    public async Task A_dashboard_and_its_last_refresh_survive_a_restart()
    {
        GetDashboardResponse before;
        using (var first = Open())
        using (var client = Clients.InProcess(first, "eu-west-2"))
        {
            var store = (await client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "dash-durable" })).EventDataStoreArn!.Split('/')[^1];
            await client.CreateDashboardAsync(new CreateDashboardRequest
            {
                Name = "durable-dash",
                Widgets = new[] { new RequestWidget { QueryStatement = "SELECT eventName FROM " + store, ViewProperties = new Dictionary<string, string> { ["View"] = "Table" } } },
                TerminationProtectionEnabled = true,
            });
            await client.UpdateDashboardAsync(new UpdateDashboardRequest
            {
                DashboardId = "durable-dash",
                RefreshSchedule = new RefreshSchedule { Frequency = new RefreshScheduleFrequency { Unit = RefreshScheduleFrequencyUnit.Days, Value = 1 }, Status = RefreshScheduleStatus.Enabled },
            });
            await client.StartDashboardRefreshAsync(new StartDashboardRefreshRequest { DashboardId = "durable-dash" });
            await client.CreateDashboardAsync(new CreateDashboardRequest { Name = "gone-dash" });
            await client.DeleteDashboardAsync(new DeleteDashboardRequest { DashboardId = "gone-dash" });
            before = await client.GetDashboardAsync(new GetDashboardRequest { DashboardId = "durable-dash" });
        }

        using var second = Open();
        using var again = Clients.InProcess(second, "eu-west-2");
        var after = await again.GetDashboardAsync(new GetDashboardRequest { DashboardId = "durable-dash" });

        Assert.NotNull(before.LastRefreshId);
        Assert.Equal(
            (before.DashboardArn, before.Status, before.CreatedTimestamp, before.UpdatedTimestamp, before.LastRefreshId, before.TerminationProtectionEnabled, before.RefreshSchedule!.Frequency),
            (after.DashboardArn, after.Status, after.CreatedTimestamp, after.UpdatedTimestamp, after.LastRefreshId, after.TerminationProtectionEnabled, after.RefreshSchedule!.Frequency));
        Assert.Equal(before.Widgets!.Select(w => (w.QueryAlias, w.QueryStatement)), after.Widgets!.Select(w => (w.QueryAlias, w.QueryStatement)));
        Assert.Equal(new[] { before.DashboardArn }, (await again.ListDashboardsAsync(new ListDashboardsRequest())).Dashboards!.Select(d => d.DashboardArn));
    }
}
