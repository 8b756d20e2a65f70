using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CloudTrailSdk.Server;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>Calls straight into <see cref="FakeCloudTrail.HandleAsync"/>, with a well-formed (unverified) signature naming the region.</summary>
internal static class Direct
{
    public static Task<FakeHttpResponse> CallAsync(FakeCloudTrail server, string operation, string body = "{}", string region = "us-east-1")
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("X-Amz-Target", CloudTrailServiceBase.TargetPrefix + "." + operation),
            new("Authorization", "AWS4-HMAC-SHA256 Credential=AKIADIRECT0000000001/20260301/" + region + "/cloudtrail/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + new string('0', 64)),
        };
        return server.HandleAsync(new FakeHttpRequest { Method = "POST", Headers = headers, Body = Encoding.UTF8.GetBytes(body) });
    }

    public static string? ErrorOf(FakeHttpResponse answer) =>
        answer.StatusCode == 200 ? null : JsonDocument.Parse(answer.Body).RootElement.GetProperty("__type").GetString();
}
