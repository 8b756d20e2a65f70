using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using CloudTrailSdk.Runtime.Auth;

namespace CloudTrailSdk.Runtime.Tests.Auth;

/// <summary>
/// Signs CloudTrail-shaped requests with our signer and with botocore's own <c>SigV4Auth</c> (via python3) and requires
/// identical Authorization headers. Needs python3 with botocore on PATH; fails with a clear message otherwise.
/// </summary>
[Trait("Category", "RealClients")]
public sealed class BotocoreComparisonTests
{
    private const string Script = """
        import sys, json, base64, datetime
        try:
            import botocore.auth as auth
            from botocore.credentials import Credentials
            from botocore.awsrequest import AWSRequest
        except ImportError as e:
            sys.stderr.write('botocore is not importable: %s\n' % e)
            sys.exit(3)
        out = []
        for c in json.load(sys.stdin):
            ts = datetime.datetime.strptime(c['time'], '%Y%m%dT%H%M%SZ')
            auth.get_current_datetime = lambda *a, **k: ts
            req = AWSRequest(method=c['method'], url=c['url'], data=base64.b64decode(c['body']), headers=c['headers'])
            auth.SigV4Auth(Credentials(c['accessKey'], c['secret'], c['token']), c['service'], c['region']).add_auth(req)
            out.append({'authorization': req.headers['Authorization'], 'date': req.headers['X-Amz-Date'],
                        'token': req.headers.get('X-Amz-Security-Token')})
        json.dump(out, sys.stdout)
        """;

    private sealed record Case(
        string Name,
        string Url,
        string Target,
        string Body,
        AwsCredentials Credentials,
        DateTimeOffset Time,
        string Region = "us-east-1",
        bool ContentSha256 = false,
        string ContentType = "application/x-amz-json-1.1");

    private static readonly AwsCredentials Static = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    private static readonly AwsCredentials Session = new(
        "ASIAIOSFODNN7EXAMPLE",
        "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
        "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexample+token/with=padding==");

    private static readonly Case[] Cases =
    [
        new("ListTrails, static keys", "https://cloudtrail.us-east-1.amazonaws.com/", "CloudTrail_20131101.ListTrails", "{}", Static, new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero)),
        new("DescribeTrails, session token", "https://cloudtrail.us-east-1.amazonaws.com/", "CloudTrail_20131101.DescribeTrails",
            "{\"trailNameList\":[\"my trail\",\"arn:aws:cloudtrail:us-east-1:123456789012:trail/x\"],\"includeShadowTrails\":true}", Session,
            new DateTimeOffset(2024, 12, 31, 23, 59, 59, TimeSpan.Zero)),
        new("LookupEvents, non-ASCII body, session token", "https://cloudtrail.eu-west-1.amazonaws.com/", "CloudTrail_20131101.LookupEvents",
            "{\"LookupAttributes\":[{\"AttributeKey\":\"Username\",\"AttributeValue\":\"Jürgen ✓ 日本語 🚀\"}],\"MaxResults\":50}", Session,
            new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), Region: "eu-west-1"),
        new("Empty body", "https://cloudtrail.us-west-2.amazonaws.com/", "CloudTrail_20131101.ListTrails", string.Empty, Static,
            new DateTimeOffset(2023, 2, 28, 12, 0, 0, TimeSpan.Zero), Region: "us-west-2"),
        new("Local offset converted to UTC", "https://cloudtrail.ap-southeast-2.amazonaws.com/", "CloudTrail_20131101.GetTrailStatus", "{\"Name\":\"t\"}", Static,
            new DateTimeOffset(2024, 3, 1, 1, 30, 0, TimeSpan.FromHours(10)), Region: "ap-southeast-2"),
        new("China partition", "https://cloudtrail.cn-north-1.amazonaws.com.cn/", "CloudTrail_20131101.ListTrails", "{}", Session,
            new DateTimeOffset(2024, 7, 4, 16, 20, 0, TimeSpan.Zero), Region: "cn-north-1"),
        new("Custom endpoint with port over http", "http://localhost:4566/", "CloudTrail_20131101.CreateTrail",
            "{\"Name\":\"t\",\"S3BucketName\":\"b\"}", Static, new DateTimeOffset(2024, 7, 4, 16, 20, 0, TimeSpan.Zero)),
        new("X-Amz-Content-Sha256 included", "https://cloudtrail.us-east-1.amazonaws.com/", "CloudTrail_20131101.PutEventSelectors",
            "{\"TrailName\":\"t\",\"EventSelectors\":[]}", Session, new DateTimeOffset(2024, 8, 9, 10, 11, 12, TimeSpan.Zero), ContentSha256: true),
        new("Content-Type with charset and padded target", "https://cloudtrail.us-east-1.amazonaws.com/", "  CloudTrail_20131101.ListTags  ",
            "{\"ResourceIdList\":[\"a\"]}", Static, new DateTimeOffset(2024, 8, 9, 10, 11, 12, TimeSpan.Zero), ContentType: "application/x-amz-json-1.1; charset=utf-8"),
    ];

    [Fact]
    public void Authorization_headers_are_identical_to_botocore()
    {
        var ours = new List<(string Authorization, string Date, string? Token)>();
        var input = new MemoryStream();
        using (var json = new Utf8JsonWriter(input))
        {
            json.WriteStartArray();
            foreach (var c in Cases)
            {
                var body = Encoding.UTF8.GetBytes(c.Body);
                using var request = new HttpRequestMessage(HttpMethod.Post, c.Url) { Content = new ByteArrayContent(body) };
                Assert.True(request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType));
                Assert.True(request.Headers.TryAddWithoutValidation("X-Amz-Target", c.Target));
                request.Headers.TryAddWithoutValidation("User-Agent", "cloudtrail-sdk-test/1.0"); // not signed by either side
                var signer = new SigV4Signer("cloudtrail", c.Region, new SigV4SignerOptions { IncludeContentSha256Header = c.ContentSha256 });
                signer.Sign(request, body, c.Credentials, c.Time);
                ours.Add((
                    Assert.Single(request.Headers.GetValues("Authorization")),
                    Assert.Single(request.Headers.GetValues("X-Amz-Date")),
                    request.Headers.TryGetValues("X-Amz-Security-Token", out var token) ? token.Single() : null));

                json.WriteStartObject();
                json.WriteString("method", "POST");
                json.WriteString("url", c.Url);
                json.WriteString("body", Convert.ToBase64String(body));
                json.WriteString("accessKey", c.Credentials.AccessKeyId);
                json.WriteString("secret", c.Credentials.SecretAccessKey);
                if (c.Credentials.SessionToken is null)
                {
                    json.WriteNull("token");
                }
                else
                {
                    json.WriteString("token", c.Credentials.SessionToken);
                }

                json.WriteString("service", "cloudtrail");
                json.WriteString("region", c.Region);
                json.WriteString("time", SigV4Signer.FormatAmzDate(c.Time));
                json.WriteStartObject("headers");
                json.WriteString("Content-Type", c.ContentType);
                json.WriteString("X-Amz-Target", c.Target);
                if (c.ContentSha256)
                {
                    json.WriteString("X-Amz-Content-SHA256", SigV4Signer.HashPayload(body));
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        var output = RunPython(input.ToArray());
        using var document = JsonDocument.Parse(output);
        var theirs = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(Cases.Length, theirs.Length);
        for (var i = 0; i < Cases.Length; i++)
        {
            var expected = theirs[i];
            Assert.True(
                expected.GetProperty("authorization").GetString() == ours[i].Authorization,
                $"{Cases[i].Name}:\n botocore: {expected.GetProperty("authorization").GetString()}\n ours:     {ours[i].Authorization}");
            Assert.Equal(expected.GetProperty("date").GetString(), ours[i].Date);
            var token = expected.GetProperty("token");
            Assert.Equal(token.ValueKind == JsonValueKind.Null ? null : token.GetString(), ours[i].Token);
        }
    }

    private static string RunPython(byte[] stdin)
    {
        var run = ProcessRunner.Run(
            ProcessRunner.StartInfo("python3", ["-c", Script], environment: new Dictionary<string, string> { ["PYTHONIOENCODING"] = "utf-8" }),
            TimeSpan.FromSeconds(60),
            Encoding.UTF8.GetString(stdin));
        if (run.ExitCode == 3 && !run.TimedOut)
        {
            Assert.Fail("botocore is missing for python3. Install it with 'python3 -m pip install botocore' (or run scripts/setup.sh).\n" + run);
        }

        Assert.True(run.Succeeded, run.ToString());
        return run.Stdout;
    }
}
