using System;
using System.Threading.Tasks;
using CloudTrailSdk;

namespace Quickstart;

/// <summary>The ten lines a new user writes: create a trail, choose what it logs, look events up.</summary>
internal static class QuickstartRun
{
    public static async Task RunAsync(ICloudTrailClient client, string trailName)
    {
        var created = await client.CreateTrailAsync(new CreateTrailRequest { Name = trailName, S3BucketName = "quickstart-logs" });
        Console.WriteLine("Created trail " + created.TrailARN);

        await client.PutEventSelectorsAsync(new PutEventSelectorsRequest
        {
            TrailName = trailName,
            EventSelectors = [new EventSelector { ReadWriteType = ReadWriteType.WriteOnly, IncludeManagementEvents = true }],
        });
        var selectors = await client.GetEventSelectorsAsync(new GetEventSelectorsRequest { TrailName = trailName });
        Console.WriteLine("Event selectors: " + selectors.EventSelectors?.Count + " (" + selectors.EventSelectors?[0].ReadWriteType + ")");

        Console.WriteLine();
        Console.WriteLine($"{"Time (UTC)",-20} {"Event",-22} {"Read-only",-9} Resource");
        Console.WriteLine(new string('-', 72));
        var count = 0;
        await foreach (var e in client.Paginators.LookupEvents(new LookupEventsRequest { MaxResults = 2 }).Events)
        {
            var resource = e.Resources is { Count: > 0 } r ? r[0].ResourceName : "-";
            Console.WriteLine($"{e.EventTime?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),-20} {e.EventName,-22} {e.ReadOnly,-9} {resource}");
            count++;
        }

        Console.WriteLine(new string('-', 72));
        Console.WriteLine(count + " events, newest first, read two per page with await foreach.");
    }
}
