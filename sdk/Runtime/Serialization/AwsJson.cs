using System;
using System.Globalization;
using System.Text.Json;

namespace CloudTrailSdk.Runtime.Serialization;

/// <summary>
/// The primitives generated serializers call. Each read names the member it is reading, so a wrong body says which
/// member was wrong and how, instead of a bare InvalidOperationException from the reader.
/// </summary>
public static class AwsJson
{
    /// <summary>Moves onto a JSON object's start, reading the first token of a fresh reader.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType == JsonTokenType.None && !reader.Read())
        {
            throw new AwsJsonException("Expected a JSON object for " + what + " but the body is empty", reader.TokenStartIndex);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object", what);
        }
    }

    /// <summary>Moves onto a JSON array's start.</summary>
    public static void ExpectStartArray(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array", what);
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw Unexpected(ref reader, "a property name", "an object"),
        };
    }

    /// <summary>Moves to the next non-null element of the current array; false at its end.</summary>
    public static bool NextItem(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return false;
            }

            if (reader.TokenType != JsonTokenType.Null)
            {
                return true;
            }
        }

        throw new AwsJsonException("The body ends inside an array", reader.TokenStartIndex);
    }

    /// <summary>Moves from a property name to its value; false when the value is null (treated as absent).</summary>
    public static bool ReadValueStart(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType != JsonTokenType.Null;
    }

    /// <summary>Skips the value of a property this model does not know (a newer service may send more).</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>Reads a string.</summary>
    public static string ReadString(ref Utf8JsonReader reader, string member) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Unexpected(ref reader, "a string", member);

    /// <summary>Reads true or false.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader, string member) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "true or false", member),
    };

    /// <summary>Reads a 32-bit integer.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader, string member) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw Unexpected(ref reader, "a 32-bit integer", member);

    /// <summary>Reads a 64-bit integer.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader, string member) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw Unexpected(ref reader, "a 64-bit integer", member);

    /// <summary>Reads a number; AWS sends NaN and the infinities as strings.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            switch (reader.GetString())
            {
                case "NaN": return double.NaN;
                case "Infinity": return double.PositiveInfinity;
                case "-Infinity": return double.NegativeInfinity;
            }
        }

        throw Unexpected(ref reader, "a number", member);
    }

    /// <summary>Writes a number, with NaN and the infinities as strings as AWS does.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsNaN(value))
        {
            writer.WriteStringValue("NaN"u8);
        }
        else if (double.IsPositiveInfinity(value))
        {
            writer.WriteStringValue("Infinity"u8);
        }
        else if (double.IsNegativeInfinity(value))
        {
            writer.WriteStringValue("-Infinity"u8);
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary>Reads a timestamp: epoch seconds (with fraction) as awsJson sends them, or an ISO-8601 string.</summary>
    public static DateTimeOffset ReadTimestamp(ref Utf8JsonReader reader, string member)
    {
        // Whole seconds are the common case and need no decimal arithmetic.
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var whole)
            && whole >= -62135596800L && whole <= 253402300799L)
        {
            return DateTimeOffset.FromUnixTimeSeconds(whole);
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var seconds))
        {
            var millis = decimal.Round(seconds * 1000m, MidpointRounding.AwayFromZero);
            if (millis >= -62135596800000m && millis <= 253402300799999m)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds((long)millis);
            }
        }
        else if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw Unexpected(ref reader, "a timestamp (epoch seconds)", member);
    }

    /// <summary>
    /// Writes a timestamp in a model's <c>timestampFormat</c>: <c>iso8601</c> (<c>2000-01-02T20:34:56Z</c>, with
    /// milliseconds only when there are some), <c>rfc822</c> (<c>Sun, 02 Jan 2000 20:34:56 GMT</c>) or
    /// <c>unixTimestamp</c> (epoch seconds, as <see cref="WriteTimestamp(Utf8JsonWriter, DateTimeOffset)"/>).
    /// </summary>
    public static void WriteTimestamp(Utf8JsonWriter writer, DateTimeOffset value, string format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var utc = value.ToUniversalTime();
        switch (format)
        {
            case "iso8601":
                writer.WriteStringValue(utc.ToString(utc.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case "rfc822":
                writer.WriteStringValue(utc.ToString("r", CultureInfo.InvariantCulture));
                break;
            case "unixTimestamp":
                WriteTimestamp(writer, value);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Expected iso8601, rfc822 or unixTimestamp.");
        }
    }

    /// <summary>Writes a timestamp as epoch seconds with millisecond precision.</summary>
    public static void WriteTimestamp(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var millis = value.ToUnixTimeMilliseconds();
        if (millis % 1000 == 0)
        {
            writer.WriteNumberValue(millis / 1000);
        }
        else
        {
            writer.WriteNumberValue(millis / 1000m);
        }
    }

    /// <summary>Reads base64 bytes.</summary>
    public static byte[] ReadBlob(ref Utf8JsonReader reader, string member) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out var bytes) ? bytes : throw Unexpected(ref reader, "base64 text", member);

    private static AwsJsonException Unexpected(ref Utf8JsonReader reader, string expected, string member) =>
        new("Expected " + expected + " for '" + member + "' but found " + Describe(reader.TokenType), reader.TokenStartIndex);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        JsonTokenType.PropertyName => "a property name",
        _ => "nothing",
    };
}
