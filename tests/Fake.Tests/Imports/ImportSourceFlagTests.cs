using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Imports;

/// <summary>The standalone executable's --import-source flag, run as users run it.</summary>
[Trait("Category", "Integration")]
public sealed class ImportSourceFlagTests
{
    [Theory]
    [InlineData("no-equals-sign")]
    [InlineData("=/tmp")]
    [InlineData("s3://bucket/prefix=")]
    [InlineData("https://bucket/prefix=/tmp")]
    [InlineData("s3://Not_A_Bucket/prefix=/tmp")]
    [InlineData("s3://bucket/prefix=/no/such/folder/for/the/fake")]
    public async Task A_bad_import_source_is_named_and_exits_2(string value)
    {
        var run = await ProcessRunner.RunAsync(StandaloneFake.StartInfo("--import-source", value), TimeSpan.FromSeconds(60));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --import-source", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mapped_folder_is_imported_from_its_S3_location()
    {
        var folder = Directory.CreateTempSubdirectory("ct-fake-flag-").FullName;
        try
        {
            var day = Path.Combine(folder, "AWSLogs", "123456789012", "CloudTrail", "us-east-1", "2024", "01", "01");
            Directory.CreateDirectory(day);
            var records = new JsonArray(LogFiles.Record("FromTheFlag", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), "us-east-1"), LogFiles.Record("AlsoFromTheFlag", new DateTimeOffset(2024, 1, 1, 1, 0, 0, TimeSpan.Zero), "us-east-1"));
            File.WriteAllText(Path.Combine(day, "log.json"), new JsonObject { ["Records"] = records }.ToJsonString());

            using var process = ProcessRunner.Start(StandaloneFake.StartInfo("--urls", "http://127.0.0.1:0", "--import-source", "s3://flag-bucket/trail=" + folder));
            try
            {
                var endpoint = await StandaloneFake.ListeningOnAsync(process);
                var store = (await RawCall.PostAsync(endpoint, RawCall.Target("CreateEventDataStore"), """{"Name":"flag-store"}""")).Json.GetProperty("EventDataStoreArn").GetString();
                var started = await RawCall.PostAsync(endpoint, RawCall.Target("StartImport"),
                    "{\"Destinations\":[\"" + store + "\"],\"ImportSource\":{\"S3\":{\"S3LocationUri\":\"s3://flag-bucket/trail\",\"S3BucketRegion\":\"us-east-1\",\"S3BucketAccessRoleArn\":\"arn:aws:iam::123456789012:role/r\"}}}");
                Assert.Equal(200, started.Status);
                var id = started.Json.GetProperty("ImportId").GetString();

                // The import waits out INITIALIZING on the real clock (a second by default), then runs.
                string? status = null;
                RawAnswer got = null!;
                for (var i = 0; i < 300 && status is null or "INITIALIZING" or "IN_PROGRESS"; i++)
                {
                    await Task.Delay(50);
                    got = await RawCall.PostAsync(endpoint, RawCall.Target("GetImport"), "{\"ImportId\":\"" + id + "\"}");
                    status = got.Json.GetProperty("ImportStatus").GetString();
                }

                Assert.Equal("COMPLETED", status);
                Assert.Equal(2, got.Json.GetProperty("ImportStatistics").GetProperty("EventsCompleted").GetInt64());
                var unmapped = await RawCall.PostAsync(endpoint, RawCall.Target("StartImport"),
                    "{\"Destinations\":[\"" + store + "\"],\"ImportSource\":{\"S3\":{\"S3LocationUri\":\"s3://other-bucket/trail\",\"S3BucketRegion\":\"us-east-1\",\"S3BucketAccessRoleArn\":\"arn:aws:iam::123456789012:role/r\"}}}");
                Assert.Equal("InvalidImportSourceException", unmapped.ErrorType);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
