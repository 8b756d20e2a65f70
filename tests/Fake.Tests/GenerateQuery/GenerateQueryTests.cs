using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.GenerateQuery;

/// <summary>GenerateQuery answers the SQL a test author registered for a prompt, after checking the store it names.</summary>
[Trait("Category", "Unit")]
public sealed class GenerateQueryTests
{
    private const string Prompt = "Show me every failed call";
    private readonly FakeCloudTrail _fake = new(new FakeCloudTrailOptions
    {
        GeneratedQueries = new Dictionary<string, string> { [Prompt] = "SELECT eventName, errorCode FROM $EDS_ID WHERE errorCode IS NOT NULL" },
    });

    [Fact]
    public async Task A_registered_prompt_answers_its_SQL_for_the_named_store_and_the_SQL_runs()
    {
        using var client = _fake.CreateClient();
        var arn = (await client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "generated" })).EventDataStoreArn!;
        var id = arn.Split('/')[^1];

        var byArn = await client.GenerateQueryAsync(new GenerateQueryRequest { EventDataStores = new[] { arn }, Prompt = Prompt });
        var byIdOtherSpelling = await client.GenerateQueryAsync(new GenerateQueryRequest { EventDataStores = new[] { id }, Prompt = "  show me EVERY   failed call " });

        Assert.Equal("SELECT eventName, errorCode FROM " + id + " WHERE errorCode IS NOT NULL", byArn.QueryStatement);
        Assert.Equal(byArn.QueryStatement, byIdOtherSpelling.QueryStatement);
        Assert.Equal(FakeCloudTrail.DefaultAccountId, byArn.EventDataStoreOwnerAccountId);
        Assert.Matches("^generated-[0-9a-f]{12}$", byArn.QueryAlias);
        Assert.Equal(byArn.QueryAlias, byIdOtherSpelling.QueryAlias);

        var started = await client.StartQueryAsync(new StartQueryRequest { QueryStatement = byArn.QueryStatement });
        Assert.NotNull(started.QueryId);
    }

    [Fact]
    public async Task The_modelled_errors()
    {
        using var client = _fake.CreateClient();
        var arn = (await client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "to-delete", TerminationProtectionEnabled = false })).EventDataStoreArn!;
        async Task<string> Generate(string store, string prompt = Prompt) =>
            await Errors.CodeOf(() => client.GenerateQueryAsync(new GenerateQueryRequest { EventDataStores = new[] { store }, Prompt = prompt }));

        Assert.Equal("GenerateResponseException", await Generate(arn, "Which regions are busiest?"));
        Assert.Equal("EventDataStoreNotFoundException", await Generate(Guid.NewGuid().ToString()));
        Assert.Equal("EventDataStoreARNInvalidException", await Generate("arn:aws:cloudtrail:us-east-1:123456789012:trail/not-a-store"));
        await client.DeleteEventDataStoreAsync(new DeleteEventDataStoreRequest { EventDataStore = arn });
        Assert.Equal("InactiveEventDataStoreException", await Generate(arn));
    }

    [Fact]
    public async Task Another_accounts_store_is_not_found()
    {
        var fake = new FakeCloudTrail(new FakeCloudTrailOptions
        {
            Accounts = new Dictionary<string, string> { ["AKIAGENERATEOTHER001"] = "999999999999" },
            GeneratedQueries = new Dictionary<string, string> { [Prompt] = "SELECT 1" },
        });
        using var mine = fake.CreateClient();
        using var theirs = Clients.InProcess(fake, "us-east-1", "AKIAGENERATEOTHER001");
        var arn = (await mine.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "mine" })).EventDataStoreArn!;

        Assert.Equal("EventDataStoreNotFoundException", await Errors.CodeOf(() => theirs.GenerateQueryAsync(new GenerateQueryRequest { EventDataStores = new[] { arn }, Prompt = Prompt })));
    }

    [Theory]
    [InlineData("ab", "SELECT 1")]
    [InlineData("a fine prompt", " ")]
    public void Bad_registrations_are_refused_when_the_fake_is_made(string prompt, string sql)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new FakeCloudTrail(new FakeCloudTrailOptions { GeneratedQueries = new Dictionary<string, string> { [prompt] = sql } }));
        Assert.Contains("GeneratedQueries", error.Message, StringComparison.Ordinal);
    }
}
