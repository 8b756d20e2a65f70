using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using CloudTrailSdk.Fake;

namespace CloudTrailSdk.Benchmarks;

/// <summary>
/// Seeds a fake with synthetic management events through its public seeding API (<see cref="FakeCloudTrail.LoadLogFile"/>):
/// a CloudTrail log file (<c>{"Records":[...]}</c>) is written in memory and loaded in one call, so a million events take
/// seconds, not a million API calls. Events are spread evenly between <see cref="Oldest"/> and <see cref="Newest"/>, in the
/// fake's default account and region (where unsigned calls and calls signed for us-east-1 act).
/// </summary>
public static class FakeSeed
{
    /// <summary>One event in this many has <see cref="HotEventName"/> (the EventName filter matches 5%).</summary>
    public const int EventNameEvery = 20;

    /// <summary>One event in this many names <see cref="HotResourceName"/> as its resource (the ResourceName filter matches 1%).</summary>
    public const int ResourceEvery = 100;

    /// <summary>The event name the EventName filter looks for.</summary>
    public const string HotEventName = "PutBucketPolicy";

    /// <summary>The resource ARN the ResourceName filter looks for.</summary>
    public const string HotResourceName = "arn:aws:s3:::bench-hot-bucket";

    private static readonly string[] OtherEventNames =
    {
        "GetObject", "PutObject", "DescribeInstances", "AssumeRole", "GetBucketAcl", "ListBuckets", "CreateTags",
        "RunInstances", "DeleteObject", "GetCallerIdentity", "DescribeVolumes", "UpdateFunctionCode", "Decrypt",
        "GenerateDataKey", "ConsoleLogin", "CreateLogStream", "PutMetricData", "DescribeTrails", "GetTrailStatus",
    };

    /// <summary>Newest seeded event time: an hour ago, whole seconds (CloudTrail records have one-second resolution).</summary>
    public static DateTimeOffset Newest { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());

    /// <summary>Oldest seeded event time: 60 days before <see cref="Newest"/>, well inside the 90-day lookup window.</summary>
    public static DateTimeOffset Oldest { get; } = Newest.AddDays(-60);

    /// <summary>
    /// Loads <paramref name="count"/> events into <paramref name="server"/>. <paramref name="padding"/> extra characters go
    /// into each record's requestParameters: 0 gives a ≈0.9 KB record, 900 a ≈1.8 KB one.
    /// </summary>
    public static int Load(FakeCloudTrail server, int count, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(server);
        var stream = Build(count, padding);
        stream.Position = 0;
        return server.LoadLogFile(stream, "bench-seed-" + count.ToString(CultureInfo.InvariantCulture) + ".json");
    }

    /// <summary>The log file for <see cref="Load"/>.</summary>
    public static MemoryStream Build(int count, int padding = 0)
    {
        var random = new Random(20241122);
        var pad = padding > 0 ? new string('x', padding) : null;
        var span = (Newest - Oldest).TotalSeconds;
        var stream = new MemoryStream(count * (650 + padding));
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartArray("Records");
            for (var i = 0; i < count; i++)
            {
                var time = Oldest.AddSeconds(Math.Floor(span * i / Math.Max(1, count - 1)));
                var eventName = i % EventNameEvery == 0 ? HotEventName : OtherEventNames[random.Next(OtherEventNames.Length)];
                var resource = i % ResourceEvery == 0 ? HotResourceName : "arn:aws:s3:::bench-bucket-" + random.Next(10_000).ToString(CultureInfo.InvariantCulture);
                var user = "user-" + random.Next(200).ToString(CultureInfo.InvariantCulture);
                var accessKey = "AKIA" + random.Next(100_000_000).ToString("D16", CultureInfo.InvariantCulture);
                w.WriteStartObject();
                w.WriteString("eventVersion", "1.09");
                w.WriteStartObject("userIdentity");
                w.WriteString("type", "IAMUser");
                w.WriteString("principalId", "AIDA" + accessKey.Substring(4));
                w.WriteString("arn", "arn:aws:iam::" + FakeCloudTrail.DefaultAccountId + ":user/" + user);
                w.WriteString("accountId", FakeCloudTrail.DefaultAccountId);
                w.WriteString("accessKeyId", accessKey);
                w.WriteString("userName", user);
                w.WriteEndObject();
                w.WriteString("eventTime", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteString("eventSource", "s3.amazonaws.com");
                w.WriteString("eventName", eventName);
                w.WriteString("awsRegion", FakeCloudTrail.DefaultRegion);
                w.WriteString("sourceIPAddress", "198.51.100." + random.Next(256).ToString(CultureInfo.InvariantCulture));
                w.WriteString("userAgent", "aws-sdk-dotnet/4.0 benchmark");
                w.WriteStartObject("requestParameters");
                w.WriteString("bucketName", resource.Substring("arn:aws:s3:::".Length));
                w.WriteString("Host", "s3.us-east-1.amazonaws.com");
                if (pad is not null)
                {
                    w.WriteString("padding", pad);
                }

                w.WriteEndObject();
                w.WriteNull("responseElements");
                w.WriteString("requestID", random.NextInt64().ToString("X16", CultureInfo.InvariantCulture));
                w.WriteString("eventID", Id(random, i));
                w.WriteBoolean("readOnly", eventName.StartsWith("Get", StringComparison.Ordinal) || eventName.StartsWith("Describe", StringComparison.Ordinal) || eventName.StartsWith("List", StringComparison.Ordinal));
                w.WriteStartArray("resources");
                w.WriteStartObject();
                w.WriteString("accountId", FakeCloudTrail.DefaultAccountId);
                w.WriteString("type", "AWS::S3::Bucket");
                w.WriteString("ARN", resource);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteString("eventType", "AwsApiCall");
                w.WriteBoolean("managementEvent", true);
                w.WriteString("recipientAccountId", FakeCloudTrail.DefaultAccountId);
                w.WriteString("eventCategory", "Management");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return stream;
    }

    // Unique and GUID-shaped: the index in the last group, randomness before it.
    private static string Id(Random random, int index) =>
        random.Next().ToString("x8", CultureInfo.InvariantCulture) + "-" + random.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture) + "-4"
        + random.Next(0x1000).ToString("x3", CultureInfo.InvariantCulture) + "-a" + random.Next(0x1000).ToString("x3", CultureInfo.InvariantCulture) + "-"
        + index.ToString("x12", CultureInfo.InvariantCulture);
}
