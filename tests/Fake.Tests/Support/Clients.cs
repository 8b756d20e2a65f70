using System;
using System.Net.Http;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;

namespace CloudTrailSdk.Fake.Tests.Support;

/// <summary>Our own client, pointed at a fake: over Kestrel, or in-process through the handler.</summary>
internal static class Clients
{
    public const string AccessKey = "AKIAFAKETESTKEY00001";
    public const string Secret = "fake-secret";

    public static CloudTrailClient OverHttp(Uri endpoint, string region, string accessKey = AccessKey, string secret = Secret) =>
        new(new HttpClient(), Options(endpoint.AbsoluteUri, region, accessKey, secret));

    public static CloudTrailClient InProcess(FakeCloudTrail server, string region, string accessKey = AccessKey, string secret = Secret) =>
        new(new HttpClient(new FakeCloudTrailHandler(server)), Options("https://cloudtrail.fake.test", region, accessKey, secret));

    private static AwsClientOptions Options(string endpoint, string region, string accessKey, string secret) => new()
    {
        Credentials = new AwsCredentials(accessKey, secret),
        Region = region,
        Endpoint = endpoint,
    };
}
