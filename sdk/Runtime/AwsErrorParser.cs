using System;
using System.ComponentModel;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CloudTrailSdk.Runtime;

/// <summary>Reads an awsJson error: code from <c>__type</c> (or the X-Amzn-ErrorType header), message from <c>message</c>/<c>Message</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AwsErrorParser
{
    /// <summary>Parses an error response; a body that is not JSON still yields an error with the HTTP status.</summary>
    public static AwsErrorResponse Parse(int statusCode, string? requestId, HttpResponseHeaders? headers, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        string? code = null;
        string? message = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isType = reader.ValueTextEquals("__type"u8) || reader.ValueTextEquals("code"u8);
                    var isMessage = reader.ValueTextEquals("message"u8) || reader.ValueTextEquals("Message"u8) || reader.ValueTextEquals("errorMessage"u8);
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String && (isType || isMessage))
                    {
                        if (isType)
                        {
                            code ??= reader.GetString();
                        }
                        else
                        {
                            message ??= reader.GetString();
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the status and header still say what happened.
        }

        if (code is null && headers is not null && headers.TryGetValues(AwsJsonProtocol.ErrorTypeHeader, out var values))
        {
            foreach (var value in values)
            {
                code = value;
                break;
            }
        }

        return new AwsErrorResponse(NormalizeCode(code) ?? (statusCode >= 500 ? "InternalFailure" : "UnknownError"), message, statusCode, requestId, body);
    }

    /// <summary><c>aws.protocoltests#FooError:http://…</c> → <c>FooError</c>.</summary>
    public static string? NormalizeCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        var hash = code!.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code.Substring(hash + 1);
        }

        var colon = code.IndexOf(':');
        return colon >= 0 ? code.Substring(0, colon) : code;
    }
}
