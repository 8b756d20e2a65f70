using System;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Imports;

/// <summary>Imports from a folder standing in for S3: statuses, statistics, failures, retry, stop, listing and errors.</summary>
[Trait("Category", "Unit")]
public sealed class ImportTests : IDisposable
{
    private static readonly DateTimeOffset Day1 = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task An_import_reads_good_files_records_bad_ones_and_a_query_then_finds_the_events()
    {
        var store = await _f.CreateStoreAsync("import-target");
        _f.WriteLog("2024/01/01", "a.json", new[] { LogFiles.Record("ImportedOne", Day1, "us-east-1"), LogFiles.Record("ImportedTwo", Day1.AddHours(1), "us-east-1"), LogFiles.Record("TooLate", Day1.AddDays(30), "us-east-1") });
        _f.WriteLog("2024/01/02", "b.json.gz", new[] { LogFiles.Record("ImportedGzip", Day1.AddDays(1), "us-east-1") }, gzip: true);
        var bad = _f.WriteFile("2024/01/02", "broken.json", "{\"Records\": [ not json");
        _f.WriteFile("2024/01/02", "notes.txt", "not a log file, and not read");

        var started = await _f.StartAsync(store, to: Day1.AddDays(10));
        Assert.Equal(ImportStatus.Initializing, started.ImportStatus);
        Assert.Equal(new[] { store }, started.Destinations);
        Assert.Equal(ImportStatus.Initializing, (await _f.Client.GetImportAsync(new GetImportRequest { ImportId = started.ImportId! })).ImportStatus);

        var ended = await _f.RunToEndAsync(started.ImportId!);

        Assert.Equal(ImportStatus.Failed, ended.ImportStatus);
        var stats = ended.ImportStatistics!;
        Assert.Equal((2L, 2L, 2L, 3L, 1L), (stats.PrefixesFound, stats.PrefixesCompleted, stats.FilesCompleted, stats.EventsCompleted, stats.FailedEntries));
        var failure = Assert.Single((await _f.Client.ListImportFailuresAsync(new ListImportFailuresRequest { ImportId = started.ImportId! })).Failures!);
        Assert.Equal(bad, failure.Location);
        Assert.Equal(ImportFailureStatus.Failed, failure.Status);
        Assert.Equal("InvalidLogFile", failure.ErrorType);
        Assert.Contains("not valid JSON", failure.ErrorMessage, StringComparison.Ordinal);

        var id = store.Split('/')[^1];
        var rows = await _f.QueryAsync("SELECT eventName FROM " + id + " WHERE eventName IN ('ImportedOne', 'ImportedTwo', 'ImportedGzip', 'TooLate') ORDER BY eventName");
        Assert.Equal(new[] { "ImportedGzip", "ImportedOne", "ImportedTwo" }, rows.Select(r => r["eventName"]));

        // Mended, the file imports on retry; the files already imported are not read twice.
        _f.WriteLog("2024/01/02", "broken.json", new[] { LogFiles.Record("Mended", Day1.AddDays(1), "us-east-1") });
        var retried = await _f.Client.StartImportAsync(new StartImportRequest { ImportId = started.ImportId });
        Assert.Equal(ImportStatus.Initializing, retried.ImportStatus);
        Assert.Equal(ImportFailureStatus.Retry, Assert.Single((await _f.Client.ListImportFailuresAsync(new ListImportFailuresRequest { ImportId = started.ImportId! })).Failures!).Status);
        var again = await _f.RunToEndAsync(started.ImportId!);

        Assert.Equal(ImportStatus.Completed, again.ImportStatus);
        Assert.Equal((3L, 4L, 0L), (again.ImportStatistics!.FilesCompleted, again.ImportStatistics.EventsCompleted, again.ImportStatistics.FailedEntries));
        Assert.Equal(ImportFailureStatus.Succeeded, Assert.Single((await _f.Client.ListImportFailuresAsync(new ListImportFailuresRequest { ImportId = started.ImportId! })).Failures!).Status);
        var counted = await _f.QueryAsync("SELECT COUNT(*) AS n FROM " + id + " WHERE eventName IN ('ImportedOne', 'ImportedTwo', 'ImportedGzip', 'Mended')");
        Assert.Equal("4", Assert.Single(counted)["n"]);
    }

    [Fact]
    public async Task One_import_runs_at_a_time_and_StopImport_stops_it()
    {
        var store = await _f.CreateStoreAsync("stop-target");
        _f.WriteLog("2024/01/01", "a.json", new[] { LogFiles.Record("NeverImported", Day1, "us-east-1") });
        var first = await _f.StartAsync(store);

        Assert.Equal("AccountHasOngoingImportException", await Errors.CodeOf(() => _f.StartAsync(store)));

        var stopped = await _f.Client.StopImportAsync(new StopImportRequest { ImportId = first.ImportId! });
        Assert.Equal(ImportStatus.Stopped, stopped.ImportStatus);
        Assert.Equal(0L, stopped.ImportStatistics!.EventsCompleted);
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => _f.Client.StopImportAsync(new StopImportRequest { ImportId = first.ImportId! })));

        // The clock passing INITIALIZING's end does not revive a stopped import.
        var after = await _f.RunToEndAsync(first.ImportId!);
        Assert.Equal(ImportStatus.Stopped, after.ImportStatus);
        var id = store.Split('/')[^1];
        Assert.Equal("0", Assert.Single(await _f.QueryAsync("SELECT COUNT(*) AS n FROM " + id + " WHERE eventName = 'NeverImported'"))["n"]);

        // A stopped import can be retried; a new one can start now that none is running.
        var second = await _f.StartAsync(store);
        Assert.Equal(ImportStatus.Completed, (await _f.RunToEndAsync(second.ImportId!)).ImportStatus);
        var retried = await _f.Client.StartImportAsync(new StartImportRequest { ImportId = first.ImportId });
        Assert.Equal(ImportStatus.Completed, (await _f.RunToEndAsync(retried.ImportId!)).ImportStatus);
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => _f.Client.StartImportAsync(new StartImportRequest { ImportId = first.ImportId })));
    }

    [Fact]
    public async Task ListImports_filters_by_destination_and_status_and_pages()
    {
        var one = await _f.CreateStoreAsync("list-one");
        var two = await _f.CreateStoreAsync("list-two");
        var a = await _f.StartAsync(one);
        await _f.RunToEndAsync(a.ImportId!);
        var b = await _f.StartAsync(two);
        await _f.RunToEndAsync(b.ImportId!);
        var c = await _f.StartAsync(two);

        var toTwo = (await _f.Client.ListImportsAsync(new ListImportsRequest { Destination = two })).Imports!;
        Assert.Equal(new[] { b.ImportId, c.ImportId }.Order(), toTwo.Select(i => i.ImportId).Order());
        var running = Assert.Single((await _f.Client.ListImportsAsync(new ListImportsRequest { ImportStatus = ImportStatus.Initializing })).Imports!);
        Assert.Equal(c.ImportId, running.ImportId);

        var first = await _f.Client.ListImportsAsync(new ListImportsRequest { MaxResults = 2 });
        var second = await _f.Client.ListImportsAsync(new ListImportsRequest { MaxResults = 2, NextToken = first.NextToken });
        Assert.Equal(new[] { a.ImportId, b.ImportId, c.ImportId }.Order(), first.Imports!.Concat(second.Imports!).Select(i => i.ImportId).Order());
        Assert.Null(second.NextToken);
        Assert.Equal("InvalidNextTokenException", await Errors.CodeOf(() => _f.Client.ListImportsAsync(new ListImportsRequest { NextToken = "bm90LWEtdG9rZW4=" })));
        Assert.Equal("EventDataStoreARNInvalidException", await Errors.CodeOf(() => _f.Client.ListImportsAsync(new ListImportsRequest { Destination = "not-an-arn" })));
    }

    [Fact]
    public async Task ListImportFailures_pages_through_the_failures()
    {
        var store = await _f.CreateStoreAsync("failures");
        for (var i = 0; i < 3; i++)
        {
            _f.WriteFile("2024/01/0" + (i + 1), "bad" + i + ".json", "{\"NoRecords\": []}");
        }

        var started = await _f.StartAsync(store);
        Assert.Equal(3L, (await _f.RunToEndAsync(started.ImportId!)).ImportStatistics!.FailedEntries);

        var first = await _f.Client.ListImportFailuresAsync(new ListImportFailuresRequest { ImportId = started.ImportId!, MaxResults = 2 });
        var second = await _f.Client.ListImportFailuresAsync(new ListImportFailuresRequest { ImportId = started.ImportId!, MaxResults = 2, NextToken = first.NextToken });
        Assert.Equal(2, first.Failures!.Count);
        Assert.Single(second.Failures!);
        Assert.Null(second.NextToken);
        Assert.Equal(3, first.Failures.Concat(second.Failures!).Select(f => f.Location).Distinct().Count());
        Assert.Equal("ImportNotFoundException", await Errors.CodeOf(() => _f.Client.ListImportFailuresAsync(new ListImportFailuresRequest { ImportId = "11111111-2222-4333-8444-555555555555" })));
    }

    [Fact]
    public async Task The_errors_AWS_gives_a_bad_import_are_given()
    {
        var store = await _f.CreateStoreAsync("errors");
        var unknown = "arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/00000000-0000-4000-8000-000000000000";

        Assert.Equal("InvalidImportSourceException", await Errors.CodeOf(() => _f.StartAsync(store, "s3://unmapped-bucket/logs")));
        Assert.Equal("EventDataStoreNotFoundException", await Errors.CodeOf(() => _f.StartAsync(unknown)));
        Assert.Equal("EventDataStoreARNInvalidException", await Errors.CodeOf(() => _f.StartAsync("arn:aws:cloudtrail:us-east-1:12:eventdatastore/x")));
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => _f.StartAsync(store, from: Day1, to: Day1.AddDays(-1))));
        Assert.Equal("InvalidParameterException", await Errors.CodeOf(() => _f.Client.StartImportAsync(new StartImportRequest())));
        Assert.Equal("ImportNotFoundException", await Errors.CodeOf(() => _f.Client.GetImportAsync(new GetImportRequest { ImportId = "11111111-2222-4333-8444-555555555555" })));
        Assert.Equal("ImportNotFoundException", await Errors.CodeOf(() => _f.Client.StopImportAsync(new StopImportRequest { ImportId = "11111111-2222-4333-8444-555555555555" })));
        Assert.Equal("ImportNotFoundException", await Errors.CodeOf(() => _f.Client.StartImportAsync(new StartImportRequest { ImportId = "11111111-2222-4333-8444-555555555555" })));

        var config = await _f.CreateStoreAsync("config-items", new AdvancedEventSelector
        {
            FieldSelectors = new[] { new AdvancedFieldSelector { Field = "eventCategory", EqualsValue = new[] { "ConfigurationItem" } } },
        });
        Assert.Equal("InvalidEventDataStoreCategoryException", await Errors.CodeOf(() => _f.StartAsync(config)));

        // Within the ingestion switch's transition (the clock has not moved), the store is STOPPING_INGESTION.
        await _f.Client.StopEventDataStoreIngestionAsync(new StopEventDataStoreIngestionRequest { EventDataStore = store });
        Assert.Equal("InvalidEventDataStoreStatusException", await Errors.CodeOf(() => _f.StartAsync(store)));

        await _f.Client.UpdateEventDataStoreAsync(new UpdateEventDataStoreRequest { EventDataStore = config, TerminationProtectionEnabled = false });
        await _f.Client.DeleteEventDataStoreAsync(new DeleteEventDataStoreRequest { EventDataStore = config });
        Assert.Equal("InactiveEventDataStoreException", await Errors.CodeOf(() => _f.StartAsync(config)));
    }

    [Fact]
    public async Task A_location_under_a_mapped_one_reads_the_matching_sub_folder()
    {
        var store = await _f.CreateStoreAsync("sub-folder");
        _f.WriteLog("2024/01/01", "a.json", new[] { LogFiles.Record("DayOne", Day1, "us-east-1") });
        _f.WriteLog("2024/01/02", "b.json", new[] { LogFiles.Record("DayTwo", Day1.AddDays(1), "us-east-1") });

        var started = await _f.StartAsync(store, ImportFixture.Location + "/AWSLogs/123456789012/CloudTrail/us-east-1/2024/01/02");
        var ended = await _f.RunToEndAsync(started.ImportId!);

        Assert.Equal(ImportStatus.Completed, ended.ImportStatus);
        Assert.Equal((1L, 1L), (ended.ImportStatistics!.FilesCompleted, ended.ImportStatistics.EventsCompleted));
        Assert.Equal("InvalidImportSourceException", await Errors.CodeOf(() => _f.StartAsync(store, ImportFixture.Location + "/../../elsewhere")));
    }

    [Theory]
    [InlineData("https://import-bucket/logs")]
    [InlineData("s3://UPPER_case/logs")]
    public void A_bad_ImportSources_option_is_refused_naming_it(string location)
    {
        var error = Assert.Throws<ArgumentException>(() => new FakeCloudTrail(new FakeCloudTrailOptions
        {
            ImportSources = new System.Collections.Generic.Dictionary<string, string> { [location] = _f.Folder },
        }));

        Assert.Equal("ImportSources", error.ParamName);
        Assert.Contains(location, error.Message, StringComparison.Ordinal);
    }
}
