using System.Threading.Tasks;

namespace CloudTrailSdk.Fake.Tests.Channels;

/// <summary>Event data stores that can receive events from outside AWS: they select eventCategory ActivityAuditLog.</summary>
internal static class ActivityStores
{
    public static async Task<string> CreateAsync(CloudTrailClient client, string name) =>
        (await client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest
        {
            Name = name,
            AdvancedEventSelectors = new[]
            {
                new AdvancedEventSelector { FieldSelectors = new[] { new AdvancedFieldSelector { Field = "eventCategory", EqualsValue = new[] { "ActivityAuditLog" } } } },
            },
        })).EventDataStoreArn!;

    public static Destination To(string storeArn) => new() { Type = DestinationType.EventDataStore, Location = storeArn };
}
