using System;
using System.Linq;
using System.Text.Json;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>
/// Checks the JSON a real-client scenario script printed (boto3 and the JavaScript SDK print the same shape), against
/// what the test asked the script to do, never against answers copied from a previous run.
/// </summary>
internal static class ScenarioAssertions
{
    public static void AssertScenario(JsonElement output, string trail, string bucket, int pageSize, string region, string account, string accessKey)
    {
        var expectedArn = "arn:aws:cloudtrail:" + region + ":" + account + ":trail/" + trail;
        var created = output.GetProperty("created");
        Assert.Equal(trail, created.GetProperty("Name").GetString());
        Assert.Equal(bucket, created.GetProperty("S3BucketName").GetString());
        Assert.Equal(expectedArn, created.GetProperty("TrailARN").GetString());

        var errors = output.GetProperty("errors");
        AssertError(errors.GetProperty("duplicate"), "TrailAlreadyExistsException");
        AssertError(errors.GetProperty("invalidName"), "InvalidTrailNameException");
        AssertError(errors.GetProperty("notFound"), "TrailNotFoundException");
        Assert.True(output.GetProperty("caughtByClass").GetBoolean(), "the client did not map TrailNotFoundException to its modelled error type");

        Assert.Equal(new[] { trail }, output.GetProperty("described").EnumerateArray().Select(e => e.GetString()));
        Assert.False(output.GetProperty("loggingAtStart").GetBoolean());
        Assert.True(output.GetProperty("loggingAfterStart").GetBoolean());
        Assert.False(output.GetProperty("loggingAfterStop").GetBoolean());

        var defaults = Assert.Single(output.GetProperty("defaultSelectors").EnumerateArray());
        Assert.Equal("All", defaults.GetProperty("ReadWriteType").GetString());
        Assert.True(defaults.GetProperty("IncludeManagementEvents").GetBoolean());
        Assert.Equal(Canonical(output.GetProperty("putSelectors")), Canonical(output.GetProperty("gotSelectors")));

        // Every call the client made before the scan is found, newest first, across pages no larger than asked for.
        var calls = output.GetProperty("callsBeforeLookup").EnumerateArray().Select(e => e.GetString()).ToList();
        var lookedUp = output.GetProperty("lookedUp").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(calls.Count > pageSize, "the scenario must make more calls than one page holds, or pagination goes untested");
        Assert.Equal(Enumerable.Reverse(calls), lookedUp);
        var pages = output.GetProperty("pageSizes").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.Equal((calls.Count + pageSize - 1) / pageSize, pages.Count);
        Assert.All(pages.Take(pages.Count - 1), size => Assert.Equal(pageSize, size));
        Assert.Equal(pages.Count, output.GetProperty("lookupCalls").GetInt32());

        var record = output.GetProperty("newestRecord");
        Assert.Equal(calls[^1], record.GetProperty("eventName").GetString());
        Assert.Equal(region, record.GetProperty("awsRegion").GetString());
        Assert.Equal("cloudtrail.amazonaws.com", record.GetProperty("eventSource").GetString());
        Assert.Equal(accessKey, record.GetProperty("userIdentity").GetProperty("accessKeyId").GetString());
        Assert.Equal(account, record.GetProperty("recipientAccountId").GetString());
    }

    private static void AssertError(JsonElement error, string code)
    {
        Assert.Equal(JsonValueKind.Object, error.ValueKind);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(code, error.GetProperty("class").GetString());
        Assert.Equal(400, error.GetProperty("status").GetInt32());
    }

    // Selectors echo back with keys in the fake's order; compare them as sorted JSON.
    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        _ => element.GetRawText(),
    };
}
