using System;
using System.IO;
using System.Threading.Tasks;
using CloudTrailSdk;

namespace Quickstart;

/// <summary>The ten lines a new user writes: create a trail, choose what it logs, look events up.</summary>
internal static class QuickstartRun
{
    public static async Task RunAsync(ICloudTrailClient client, string trailName, TextWriter output)
    {
        try
        {
            var created = await client.CreateTrailAsync(new CreateTrailRequest { Name = trailName, S3BucketName = "quickstart-logs" });
            output.WriteLine("Created trail " + created.TrailARN);
        }
        catch (TrailAlreadyExistsException)
        {
            // A second run against a persistent fake (or an account that has the trail): use it as it is.
            var existing = await client.GetTrailAsync(new GetTrailRequest { Name = trailName });
            output.WriteLine("Reusing trail " + existing.Trail?.TrailARN);
        }

        await client.PutEventSelectorsAsync(new PutEventSelectorsRequest
        {
            TrailName = trailName,
            EventSelectors = [new EventSelector { ReadWriteType = ReadWriteType.WriteOnly, IncludeManagementEvents = true }],
        });
        var selectors = await client.GetEventSelectorsAsync(new GetEventSelectorsRequest { TrailName = trailName });
        output.WriteLine("Event selectors: " + selectors.EventSelectors?.Count + " (" + selectors.EventSelectors?[0].ReadWriteType + ")");

        output.WriteLine();
        output.WriteLine($"{"Time (UTC)",-20} {"Event",-22} {"Read-only",-9} Resource");
        output.WriteLine(new string('-', 72));
        var count = 0;
        await foreach (var e in client.Paginators.LookupEvents(new LookupEventsRequest { MaxResults = 2 }).Events)
        {
            var resource = e.Resources is { Count: > 0 } r ? r[0].ResourceName : "-";
            output.WriteLine($"{e.EventTime?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),-20} {e.EventName,-22} {e.ReadOnly,-9} {resource}");
            count++;
        }

        output.WriteLine(new string('-', 72));
        output.WriteLine(count + " events, newest first, read two per page with await foreach.");
    }
}
