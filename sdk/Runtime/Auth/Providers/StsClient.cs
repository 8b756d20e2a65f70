using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace CloudTrailSdk.Runtime.Auth.Providers;

/// <summary>
/// The two STS calls the credentials chain needs, in STS's query protocol (form-encoded POST, XML answer). Written here
/// rather than taken from AWSSDK.SecurityToken so the runtime package keeps no dependency on the AWS SDK; two calls and
/// one answer shape are all it takes.
/// </summary>
internal sealed class StsClient
{
    private const string Version = "2011-06-15";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Uri _endpoint;
    private readonly string _region;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public StsClient(Uri endpoint, string region, HttpClient http, TimeProvider time)
    {
        _endpoint = endpoint;
        _region = region;
        _http = http;
        _time = time;
    }

    public Uri Endpoint => _endpoint;

    /// <summary>AssumeRole, signed with <paramref name="caller"/>.</summary>
    public Task<AwsCredentials> AssumeRoleAsync(AwsCredentials caller, string source, string roleArn, string sessionName, string? externalId, int? durationSeconds, string? mfaSerial, string? mfaCode, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", "AssumeRole"),
            new("Version", Version),
            new("RoleArn", roleArn),
            new("RoleSessionName", sessionName),
        };
        if (externalId is not null)
        {
            form.Add(new("ExternalId", externalId));
        }

        if (durationSeconds is { } seconds)
        {
            form.Add(new("DurationSeconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (mfaSerial is not null && mfaCode is not null)
        {
            form.Add(new("SerialNumber", mfaSerial));
            form.Add(new("TokenCode", mfaCode));
        }

        return CallAsync("AssumeRole", form, caller, source, cancellationToken);
    }

    /// <summary>AssumeRoleWithWebIdentity: unsigned, the web identity token is the proof.</summary>
    public Task<AwsCredentials> AssumeRoleWithWebIdentityAsync(string source, string roleArn, string sessionName, string webIdentityToken, CancellationToken cancellationToken) =>
        CallAsync(
            "AssumeRoleWithWebIdentity",
            [new("Action", "AssumeRoleWithWebIdentity"), new("Version", Version), new("RoleArn", roleArn), new("RoleSessionName", sessionName), new("WebIdentityToken", webIdentityToken)],
            null,
            source,
            cancellationToken);

    private async Task<AwsCredentials> CallAsync(string action, List<KeyValuePair<string, string>> form, AwsCredentials? caller, string source, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(Encode(form));
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        if (caller is not null)
        {
            new SigV4Signer("sts", _region).Sign(request, body, caller, _time.GetUtcNow());
        }

        var (status, answer) = await CredentialsHttp.SendAsync(_http, request, source, Timeout, cancellationToken).ConfigureAwait(false);
        if (status is < 200 or > 299)
        {
            var (code, message) = ReadError(answer);
            throw new AwsCredentialsException(source, "STS " + action + " at " + _endpoint + " answered HTTP " + status + (code is null ? string.Empty : " " + code) + (message is null ? "." : ": " + message));
        }

        return ReadCredentials(answer, source, action);
    }

    private static string Encode(List<KeyValuePair<string, string>> form)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in form)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }

    private static AwsCredentials ReadCredentials(byte[] xml, string source, string action)
    {
        Dictionary<string, string> fields;
        try
        {
            fields = ReadLeaves(xml, "Credentials");
        }
        catch (XmlException ex)
        {
            throw new AwsCredentialsException(source, "the STS " + action + " answer is not XML (" + ex.Message + ").");
        }

        fields.TryGetValue("AccessKeyId", out var keyId);
        fields.TryGetValue("SecretAccessKey", out var secret);
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(secret))
        {
            throw new AwsCredentialsException(source, "the STS " + action + " answer has no Credentials with AccessKeyId and SecretAccessKey.");
        }

        fields.TryGetValue("SessionToken", out var token);
        var expires = fields.TryGetValue("Expiration", out var expiration) ? CredentialsJson.ParseTime(expiration, source, "Expiration") : (DateTimeOffset?)null;
        return new AwsCredentials(keyId, secret, token, expires);
    }

    private static (string? Code, string? Message) ReadError(byte[] xml)
    {
        try
        {
            var fields = ReadLeaves(xml, "Error");
            return (fields.GetValueOrDefault("Code"), fields.GetValueOrDefault("Message"));
        }
        catch (XmlException)
        {
            return (null, null); // Not XML (a proxy's page, say): the status alone is reported.
        }
    }

    /// <summary>The text of the leaf elements directly inside the first element named <paramref name="parent"/>.</summary>
    private static Dictionary<string, string> ReadLeaves(byte[] xml, string parent)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        if (!reader.ReadToFollowing(parent) || reader.IsEmptyElement)
        {
            return fields;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
            {
                var name = reader.LocalName;
                fields[name] = reader.ReadElementContentAsString(); // also moves past the element
            }
            else
            {
                reader.Read();
            }
        }

        return fields;
    }
}
