using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Imports;

/// <summary>With a data directory, imports replay on start: same ids, statuses and statistics, and the events are queryable again.</summary>
[Trait("Category", "Unit")]
public sealed class ImportPersistenceTests : IDisposable
{
    private const string Location = "s3://durable-bucket/logs";
    private readonly string _directory = Directory.CreateTempSubdirectory("ct-fake-import-data-").FullName;
    private readonly string _folder = Directory.CreateTempSubdirectory("ct-fake-import-src-").FullName;

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        Directory.Delete(_folder, recursive: true);
    }

    private FakeCloudTrail Open(ManualTimeProvider clock) => new(new FakeCloudTrailOptions
    {
        DataDirectory = _directory,
        TimeProvider = clock,
        ImportSources = new Dictionary<string, string> { [Location] = _folder },
    });

    [Fact]
    public async Task A_completed_and_a_stopped_import_replay_as_they_ended()
    {
        var day = Path.Combine(_folder, "2024", "01", "01");
        Directory.CreateDirectory(day);
        File.WriteAllText(Path.Combine(day, "log.json"), new JsonObject { ["Records"] = new JsonArray(LogFiles.Record("DurableImport", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), "eu-west-2")) }.ToJsonString());
        File.WriteAllText(Path.Combine(day, "bad.json"), "[]");
        GetImportResponse completed, stopped;
        string store;
        using (var first = Open(new ManualTimeProvider()))
        using (var client = Clients.InProcess(first, "eu-west-2"))
        {
            store = (await client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "import-durable" })).EventDataStoreArn!;
            var a = await StartAsync(client, store);
            completed = await RunToEndAsync(client, (ManualTimeProvider)first.TimeProvider, a.ImportId!);
            var b = await StartAsync(client, store);
            await client.StopImportAsync(new StopImportRequest { ImportId = b.ImportId! });
            stopped = await client.GetImportAsync(new GetImportRequest { ImportId = b.ImportId! });
        }

        using var second = Open(new ManualTimeProvider());
        using var again = Clients.InProcess(second, "eu-west-2");
        var completedAfter = await again.GetImportAsync(new GetImportRequest { ImportId = completed.ImportId! });
        var stoppedAfter = await again.GetImportAsync(new GetImportRequest { ImportId = stopped.ImportId! });

        Assert.Equal(ImportStatus.Failed, completed.ImportStatus);
        Assert.Equal((completed.ImportStatus, completed.CreatedTimestamp, completed.ImportStatistics), (completedAfter.ImportStatus, completedAfter.CreatedTimestamp, completedAfter.ImportStatistics));
        Assert.Equal((ImportStatus.Stopped, stopped.CreatedTimestamp), (stoppedAfter.ImportStatus, stoppedAfter.CreatedTimestamp));
        Assert.Equal(completed.ImportStatistics!.FailedEntries, (await again.ListImportFailuresAsync(new ListImportFailuresRequest { ImportId = completed.ImportId! })).Failures!.Count);

        var queryId = (await again.StartQueryAsync(new StartQueryRequest { QueryStatement = "SELECT COUNT(*) AS n FROM " + store.Split('/')[^1] + " WHERE eventName = 'DurableImport'" })).QueryId!;
        GetQueryResultsResponse results = null!;
        for (var i = 0; i < 1000; i++)
        {
            results = await again.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = queryId });
            if (results.QueryStatus != QueryStatus.Queued && results.QueryStatus != QueryStatus.Running)
            {
                break;
            }

            await Task.Delay(10);
        }

        // The completed import's event is back in the store; the import stopped while INITIALIZING added none, then or now.
        Assert.Equal(QueryStatus.Finished, results.QueryStatus);
        Assert.Equal("1", results.QueryResultRows![0][0]["n"]);
    }

    private static Task<StartImportResponse> StartAsync(CloudTrailClient client, string store) => client.StartImportAsync(new StartImportRequest
    {
        Destinations = new[] { store },
        ImportSource = new ImportSource { S3 = new S3ImportSource { S3LocationUri = Location, S3BucketRegion = "eu-west-2", S3BucketAccessRoleArn = "arn:aws:iam::123456789012:role/r" } },
    });

    private static async Task<GetImportResponse> RunToEndAsync(CloudTrailClient client, ManualTimeProvider clock, string importId)
    {
        for (var i = 0; i < 500 && clock.PendingTimers == 0; i++)
        {
            await Task.Delay(10);
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        GetImportResponse got = null!;
        for (var i = 0; i < 1000; i++)
        {
            got = await client.GetImportAsync(new GetImportRequest { ImportId = importId });
            if (got.ImportStatus != ImportStatus.Initializing && got.ImportStatus != ImportStatus.InProgress)
            {
                break;
            }

            await Task.Delay(10);
        }

        return got;
    }
}
