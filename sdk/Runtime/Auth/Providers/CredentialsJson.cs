using System;
using System.Globalization;
using System.Text.Json;

namespace CloudTrailSdk.Runtime.Auth.Providers;

/// <summary>
/// Reads the JSON credentials document shared by the container endpoint, IMDS and <c>credential_process</c>:
/// <c>AccessKeyId</c>, <c>SecretAccessKey</c>, <c>Token</c> (or <c>SessionToken</c>) and an ISO 8601 <c>Expiration</c>.
/// Errors name the missing member, never a value.
/// </summary>
internal static class CredentialsJson
{
    public static AwsCredentials Parse(ReadOnlySpan<byte> json, string source, bool requireVersion1 = false)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new AwsCredentialsException(source, "the answer is not JSON (" + ex.Message + ").");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AwsCredentialsException(source, "the answer is not a JSON object.");
            }

            if (requireVersion1 && (!root.TryGetProperty("Version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetRawText() != "1"))
            {
                throw new AwsCredentialsException(source, "the output must have \"Version\": 1.");
            }

            if (String(root, "Code") is { } code && !code.Equals("Success", StringComparison.OrdinalIgnoreCase))
            {
                throw new AwsCredentialsException(source, "the answer's Code is '" + code + "', not 'Success'.");
            }

            var keyId = String(root, "AccessKeyId") ?? throw Missing(source, "AccessKeyId");
            var secret = String(root, "SecretAccessKey") ?? throw Missing(source, "SecretAccessKey");
            var token = String(root, "Token") ?? String(root, "SessionToken");
            var expiration = String(root, "Expiration") is { } text ? ParseTime(text, source, "Expiration") : (DateTimeOffset?)null;
            return new AwsCredentials(keyId, secret, token, expiration);
        }
    }

    public static DateTimeOffset ParseTime(string text, string source, string member)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        throw new AwsCredentialsException(source, member + " '" + text + "' is not an ISO 8601 time.");
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static AwsCredentialsException Missing(string source, string member) =>
        new(source, "the answer has no " + member + ".");
}
