using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>Writes CloudTrail log files as CloudTrail delivers them to S3, into a temporary folder removed on dispose.</summary>
internal sealed class LogFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ct-fake-seed-").FullName;

    public static JsonObject Record(string eventName, DateTimeOffset time, string region, string user = "alice", string? resourceArn = null, string category = "Management") => new()
    {
        ["eventVersion"] = "1.09",
        ["userIdentity"] = new JsonObject { ["type"] = "IAMUser", ["principalId"] = "AIDASEED", ["accountId"] = "123456789012", ["accessKeyId"] = "AKIASEED", ["userName"] = user },
        ["eventTime"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["eventSource"] = "s3.amazonaws.com",
        ["eventName"] = eventName,
        ["awsRegion"] = region,
        ["eventID"] = Guid.NewGuid().ToString(),
        ["readOnly"] = false,
        ["eventType"] = category == "Insight" ? "AwsCloudTrailInsight" : "AwsApiCall",
        ["eventCategory"] = category,
        ["recipientAccountId"] = "123456789012",
        ["resources"] = resourceArn is null ? new JsonArray() : new JsonArray(new JsonObject { ["ARN"] = resourceArn, ["type"] = "AWS::S3::Bucket" }),
    };

    public string Write(string name, IEnumerable<JsonNode> records, bool gzip = false)
    {
        var path = Path.Combine(_folder, name);
        var json = new JsonObject { ["Records"] = new JsonArray(records.Select(r => r.DeepClone()).ToArray()) }.ToJsonString();
        using var file = File.Create(path);
        using Stream target = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var writer = new StreamWriter(target);
        writer.Write(json);
        return path;
    }

    public string WriteText(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
