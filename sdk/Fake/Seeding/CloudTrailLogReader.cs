using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text.Json;

namespace CloudTrailSdk.Fake;

/// <summary>A seeded event and where it belongs.</summary>
internal sealed record SeededEvent(string Account, string Region, RecordedEvent Event);

/// <summary>
/// Reads CloudTrail log files as CloudTrail delivers them to S3 (<c>{"Records":[...]}</c>, plain or gzip), turning each
/// record into the event LookupEvents serves. Reads everything before anything is stored, so a bad file loads nothing.
/// </summary>
internal static class CloudTrailLogReader
{
    public static List<SeededEvent> Read(Stream stream, string source, string defaultAccount)
    {
        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();

            // Gzip is recognised by its magic bytes, not the file name: S3 downloads often lose the .gz suffix.
            if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gzip.CopyTo(plain);
                bytes = plain.ToArray();
            }
        }
        catch (InvalidDataException ex)
        {
            throw new FakeSeedException(source, null, "not a valid gzip file: " + ex.Message, ex);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new FakeSeedException(source, null, "not valid JSON: " + ex.Message, ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
            {
                throw new FakeSeedException(source, null, "expected a CloudTrail log file, {\"Records\":[...]}");
            }

            var events = new List<SeededEvent>(records.GetArrayLength());
            var index = 0;
            foreach (var record in records.EnumerateArray())
            {
                events.Add(ReadRecord(record, source, index++, defaultAccount));
            }

            return events;
        }
    }

    private static SeededEvent ReadRecord(JsonElement record, string source, int index, string defaultAccount)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new FakeSeedException(source, index, "a record must be a JSON object");
        }

        string Required(string name) =>
            record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : throw new FakeSeedException(source, index, "'" + name + "' is missing or not a string");

        var eventTimeText = Required("eventTime");
        if (!DateTimeOffset.TryParse(eventTimeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var eventTime))
        {
            throw new FakeSeedException(source, index, "'eventTime' is not a timestamp: " + eventTimeText);
        }

        var identity = record.TryGetProperty("userIdentity", out var id) && id.ValueKind == JsonValueKind.Object ? id : default;
        var account = Optional(record, "recipientAccountId") ?? Optional(identity, "accountId") ?? defaultAccount;
        var readOnly = record.TryGetProperty("readOnly", out var ro) && (ro.ValueKind == JsonValueKind.True || (ro.ValueKind == JsonValueKind.String && ro.GetString() == "true"));
        var (resourceType, resourceName) = FirstResource(record);
        var recorded = new RecordedEvent(
            Required("eventID"),
            Required("eventName"),
            Required("eventSource"),
            eventTime,
            readOnly,
            Optional(identity, "accessKeyId"),
            UsernameOf(identity),
            resourceType,
            resourceName,
            System.Text.Encoding.UTF8.GetBytes(record.GetRawText()),
            IsInsight: Optional(record, "eventCategory") == "Insight" || Optional(record, "eventType") == "AwsCloudTrailInsight");
        return new SeededEvent(account, Required("awsRegion"), recorded);
    }

    // LookupEvents' User name: the IAM user's name, the role session's name for an assumed role, "root" for the root user.
    private static string? UsernameOf(JsonElement identity)
    {
        if (Optional(identity, "userName") is { } user)
        {
            return user;
        }

        if (Optional(identity, "principalId") is { } principal && principal.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
        {
            return principal[(colon + 1)..];
        }

        return Optional(identity, "type") == "Root" ? "root" : null;
    }

    private static (string? Type, string? Name) FirstResource(JsonElement record)
    {
        if (record.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
        {
            foreach (var resource in resources.EnumerateArray())
            {
                return (Optional(resource, "type"), Optional(resource, "ARN") ?? Optional(resource, "arn"));
            }
        }

        return (null, null);
    }

    private static string? Optional(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
