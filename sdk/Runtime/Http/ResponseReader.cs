using System;
using System.Buffers;
using System.Text.Json;
using CloudTrailSdk.Runtime.Serialization;

namespace CloudTrailSdk.Runtime.Http;

/// <summary>Reads a success body with the generated reader, as strictly as the server reads requests, and attaches the answer's metadata.</summary>
internal static class ResponseReader
{
    private static readonly ReadOnlySequence<byte> EmptyObject = new("{}"u8.ToArray());

    public static TResponse Read<TResponse>(string operation, RawResponse raw, AwsJsonRead<TResponse> read)
    {
        var body = raw.Body;
        try
        {
            // An empty body is how awsJson says "an output with no members".
            var reader = new Utf8JsonReader(body.IsEmpty ? EmptyObject : body);
            var response = read(ref reader);

            // Content after the object means the body is not what we think it is (two objects, a truncated proxy page…):
            // refuse it, as the server refuses such requests, instead of silently using the first half.
            if (reader.Read())
            {
                throw new AwsJsonException("Unexpected content after the response object", reader.TokenStartIndex);
            }

            if (response is AwsResponse withMetadata)
            {
                withMetadata.SetMetadata(raw.Metadata);
            }

            return response;
        }
        catch (AwsJsonException ex)
        {
            throw new AwsJsonException(operation + " answered with a body this client cannot read: " + WithoutOffset(ex), ex.ByteOffset);
        }
        catch (JsonException ex)
        {
            throw new AwsJsonException(operation + " answered with a body this client cannot read: " + WithoutPosition(ex.Message), ex.BytePositionInLine ?? 0);
        }
        catch (InvalidOperationException ex)
        {
            throw new AwsJsonException(operation + " answered with a body this client cannot read: " + ex.Message, 0);
        }
    }

    // The offset is re-attached by the new exception; keeping it in the text too would report it twice.
    private static string WithoutOffset(AwsJsonException ex)
    {
        var suffix = " (at byte " + ex.ByteOffset.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        return ex.Message.EndsWith(suffix, StringComparison.Ordinal) ? ex.Message[..^suffix.Length] : ex.Message;
    }

    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}
