using System;
using System.Text.Json;
using CloudTrailSdk.Runtime.Serialization;

namespace CloudTrailSdk.Runtime.Http;

/// <summary>Reads a success body with the generated reader, as strictly as the server reads requests.</summary>
internal static class ResponseReader
{
    public static TResponse Read<TResponse>(string operation, byte[] body, AwsJsonRead<TResponse> read)
    {
        try
        {
            // An empty body is how awsJson says "an output with no members".
            var reader = new Utf8JsonReader(body.Length == 0 ? "{}"u8 : body);
            var response = read(ref reader);

            // Content after the object means the body is not what we think it is (two objects, a truncated proxy page…):
            // refuse it, as the server refuses such requests, instead of silently using the first half.
            if (reader.Read())
            {
                throw new AwsJsonException("Unexpected content after the response object", reader.TokenStartIndex);
            }

            return response;
        }
        catch (Exception ex) when (ex is JsonException or AwsJsonException or InvalidOperationException)
        {
            throw new AwsJsonException(operation + " answered with a body this client cannot read: " + ex.Message, 0);
        }
    }
}
