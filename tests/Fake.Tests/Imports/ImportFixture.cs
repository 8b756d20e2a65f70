using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Imports;

/// <summary>
/// A fake on a manual clock with one S3 location mapped to a temporary folder, and helpers to lay CloudTrail log files
/// out there as CloudTrail does (AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/) and to move an import along.
/// </summary>
internal sealed class ImportFixture : IDisposable
{
    public const string Location = "s3://import-bucket/logs";
    public const string Role = "arn:aws:iam::123456789012:role/import-role";

    public ImportFixture()
    {
        Folder = Directory.CreateTempSubdirectory("ct-fake-import-").FullName;
        Fake = new FakeCloudTrail(new FakeCloudTrailOptions
        {
            TimeProvider = Clock,
            ImportSources = new Dictionary<string, string> { [Location] = Folder },
        });
        Client = Clients.InProcess(Fake, "us-east-1");
    }

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));

    public string Folder { get; }

    public FakeCloudTrail Fake { get; }

    public CloudTrailClient Client { get; }

    /// <summary>Writes a log file under the day's folder; returns its S3 location as the import names it.</summary>
    public string WriteLog(string day, string name, IEnumerable<JsonNode> records, bool gzip = false) =>
        WriteFile(day, name, new JsonObject { ["Records"] = new JsonArray(records.Select(r => r.DeepClone()).ToArray()) }.ToJsonString(), gzip);

    public string WriteFile(string day, string name, string text, bool gzip = false)
    {
        var relative = "AWSLogs/123456789012/CloudTrail/us-east-1/" + day + "/" + name;
        var path = Path.Combine(Folder, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path))
        using (Stream target = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file)
        using (var writer = new StreamWriter(target))
        {
            writer.Write(text);
        }

        return Location + "/" + relative;
    }

    public async Task<string> CreateStoreAsync(string name, AdvancedEventSelector? selector = null) =>
        (await Client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest
        {
            Name = name,
            AdvancedEventSelectors = selector is null ? null : new[] { selector },
        })).EventDataStoreArn!;

    public Task<StartImportResponse> StartAsync(string storeArn, string location = Location, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        Client.StartImportAsync(new StartImportRequest
        {
            Destinations = new[] { storeArn },
            ImportSource = new ImportSource { S3 = new S3ImportSource { S3LocationUri = location, S3BucketRegion = "us-east-1", S3BucketAccessRoleArn = Role } },
            StartEventTime = from,
            EndEventTime = to,
        });

    /// <summary>Moves the clock past INITIALIZING (once the import waits on it) and waits for the import to end.</summary>
    public async Task<GetImportResponse> RunToEndAsync(string importId)
    {
        for (var i = 0; i < 500 && Clock.PendingTimers == 0; i++)
        {
            await Task.Delay(10);
        }

        Clock.Advance(TimeSpan.FromSeconds(2));
        GetImportResponse got = null!;
        for (var i = 0; i < 1000; i++)
        {
            got = await Client.GetImportAsync(new GetImportRequest { ImportId = importId });
            if (got.ImportStatus != ImportStatus.Initializing && got.ImportStatus != ImportStatus.InProgress)
            {
                break;
            }

            await Task.Delay(10);
        }

        return got;
    }

    /// <summary>Runs a Lake query to its end and returns its rows as column → value.</summary>
    public async Task<List<Dictionary<string, string>>> QueryAsync(string statement)
    {
        var id = (await Client.StartQueryAsync(new StartQueryRequest { QueryStatement = statement })).QueryId!;
        QueryStatus? status = null;
        for (var i = 0; i < 1000 && (status is null || status == QueryStatus.Queued || status == QueryStatus.Running); i++)
        {
            status = (await Client.DescribeQueryAsync(new DescribeQueryRequest { QueryId = id })).QueryStatus;
            await Task.Delay(10);
        }

        var results = await Client.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = id });
        Assert.True(QueryStatus.Finished == results.QueryStatus, "query ended " + results.QueryStatus + ": " + results.ErrorMessage);
        return results.QueryResultRows!.Select(row => row.SelectMany(cell => cell).ToDictionary(c => c.Key, c => c.Value)).ToList();
    }

    public void Dispose()
    {
        Client.Dispose();
        Fake.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
