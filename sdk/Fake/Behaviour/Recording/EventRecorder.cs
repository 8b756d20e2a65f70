using System;
using System.Buffers;
using System.Text.Json;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Server;

using CloudTrailSdk.Rules;

namespace CloudTrailSdk.Fake;

/// <summary>Turns a call made to the fake into the management event CloudTrail would record for it.</summary>
internal static class EventRecorder
{
    private const string EventSource = "cloudtrail.amazonaws.com";

    public static RecordedEvent Record(string operation, ReadOnlyMemory<byte> requestBody, AwsServerResult result, AwsServerContext context, CallScope scope)
    {
        var account = scope.Account;
        var region = scope.Region;
        var readOnly = IsReadOnly(operation);
        var eventId = Guid.NewGuid().ToString();
        var trailName = TrailName(requestBody);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("eventVersion", "1.09");
            w.WriteStartObject("userIdentity");
            w.WriteString("type", "IAMUser");
            w.WriteString("principalId", "AIDAFAKEPRINCIPAL");
            w.WriteString("arn", "arn:aws:iam::" + account + ":user/fake-user");
            w.WriteString("accountId", account);
            w.WriteString("accessKeyId", context.AccessKeyId);
            w.WriteString("userName", "fake-user");
            w.WriteEndObject();
            w.WriteString("eventTime", context.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("eventSource", EventSource);
            w.WriteString("eventName", operation);
            w.WriteString("awsRegion", region);
            w.WriteString("sourceIPAddress", context.SourceIpAddress ?? "127.0.0.1");
            w.WriteString("userAgent", context.UserAgent ?? string.Empty);
            if (result.ErrorCode is { } code)
            {
                w.WriteString("errorCode", code);
            }

            w.WritePropertyName("requestParameters");
            WriteRaw(w, requestBody.Span);
            w.WritePropertyName("responseElements");
            if (readOnly || result.ErrorCode is not null)
            {
                w.WriteNullValue();
            }
            else
            {
                WriteRaw(w, result.Body);
            }

            w.WriteString("requestID", context.RequestId);
            w.WriteString("eventID", eventId);
            w.WriteBoolean("readOnly", readOnly);
            w.WriteString("eventType", "AwsApiCall");
            w.WriteBoolean("managementEvent", true);
            w.WriteString("recipientAccountId", account);
            w.WriteString("eventCategory", "Management");
            w.WriteEndObject();
        }

        return new RecordedEvent(eventId, operation, EventSource, context.ReceivedAt, readOnly, context.AccessKeyId, "fake-user",
            trailName is null ? null : "AWS::CloudTrail::Trail", trailName, buffer.WrittenSpan.ToArray());
    }

    /// <summary>Whether CloudTrail marks the operation's events read-only: the ones that only read (Get, Describe, List, Lookup).</summary>
    public static bool IsReadOnly(string operation) =>
        operation.StartsWith("Get", StringComparison.Ordinal) || operation.StartsWith("Describe", StringComparison.Ordinal)
        || operation.StartsWith("List", StringComparison.Ordinal) || operation.StartsWith("Lookup", StringComparison.Ordinal)
        || operation is "GenerateQuery" or "SearchSampleQueries";

    private static void WriteRaw(Utf8JsonWriter writer, ReadOnlySpan<byte> json)
    {
        // Checked before writing anything: a failure halfway through WriteTo would leave the record half written.
        try
        {
            AwsRequestBody.EnsureWellFormed(json);
        }
        catch (AwsServiceException)
        {
            // A body the service refused as malformed is recorded without its parameters.
            writer.WriteNullValue();
            return;
        }

        using var document = JsonDocument.Parse(json.IsEmpty ? "{}"u8.ToArray() : json.ToArray());
        document.RootElement.WriteTo(writer);
    }

    private static string? TrailName(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.IsEmpty ? "{}"u8.ToArray() : body.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            // Trail operations name the trail as Name or TrailName; tag operations by ARN as ResourceId.
            foreach (var name in new[] { "Name", "TrailName", "ResourceId" })
            {
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    var text = value.GetString()!;
                    return TrailArn.TryParse(text, out var arn) ? arn.Name : TrailArn.LooksLikeArn(text) ? null : text;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
        }

        return null;
    }
}
