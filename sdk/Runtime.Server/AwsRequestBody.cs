using System;
using System.Text.Json;
using System.Text.Unicode;

namespace CloudTrailSdk.Runtime.Server;

/// <summary>
/// Checks a request body before anything reads it: one JSON object, every string valid UTF-8 with no lone surrogate
/// escape. A body that passes can be read, recorded and echoed by any code without a transcoding failure; one that
/// fails is the caller's mistake, so it is a 400, never a 5xx.
/// </summary>
public static class AwsRequestBody
{
    /// <summary>The code AWS answers a body it cannot read with.</summary>
    public const string SerializationError = "SerializationException";

    /// <summary>Throws a <c>SerializationException</c> (HTTP 400) naming the first fault and its byte offset.</summary>
    public static void EnsureWellFormed(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return;
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Fault("the body must be a JSON object", reader.TokenStartIndex);
            }

            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    CheckText(ref reader);
                }
            }
        }
        catch (JsonException ex)
        {
            throw new AwsServiceException(SerializationError, "The request body is not valid JSON: " + ex.Message, 400, null, ex);
        }
    }

    private static void CheckText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            if (!Utf8.IsValid(reader.ValueSpan))
            {
                throw Fault("a string holds bytes that are not valid UTF-8", reader.TokenStartIndex);
            }

            return;
        }

        try
        {
            // Unescaping is where a lone surrogate (\udfff) or bad UTF-8 next to an escape shows up.
            reader.GetString();
        }
        catch (InvalidOperationException)
        {
            throw Fault("a string is not valid Unicode (bad UTF-8, or a lone surrogate escape such as \\udfff)", reader.TokenStartIndex);
        }
    }

    private static AwsServiceException Fault(string what, long offset) =>
        new(SerializationError, "The request body is not valid: " + what + " (at byte " + offset + ").", 400, null);
}
