using System;
using System.IO;
using System.IO.Compression;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Protocol.Tests.Harness;
using CloudTrailSdk.Runtime;

namespace CloudTrailSdk.Protocol.Tests.Traits;

/// <summary>
/// A small awsJson model with one operation per request trait, generated and loaded once: <c>Put</c> (gzip),
/// <c>Describe</c> (host prefix <c>data.{AccountId}.</c>, from a hostLabel member) and <c>Ping</c> (a fixed prefix, no input).
/// </summary>
internal static class TraitsSdk
{
    private const string Namespace = "TraitsTest";

    private static readonly Lazy<CloudTrailSdk.Testing.GeneratedAssembly> Sdk = new(() => ProtocolGenerator.Build("/traits/service-2.json", Model(), Namespace, "Traits"));

    public static string Model() => new JsonObject
    {
        ["version"] = "2.0",
        ["metadata"] = new JsonObject
        {
            ["protocol"] = "json", ["jsonVersion"] = "1.1", ["targetPrefix"] = "Traits", ["apiVersion"] = "2024-01-01",
            ["serviceId"] = "Traits", ["endpointPrefix"] = "traits", ["signingName"] = "traits",
        },
        ["operations"] = new JsonObject
        {
            ["Put"] = new JsonObject
            {
                ["name"] = "Put", ["http"] = new JsonObject { ["method"] = "POST", ["requestUri"] = "/" },
                ["input"] = new JsonObject { ["shape"] = "PutInput" },
                ["requestcompression"] = new JsonObject { ["encodings"] = new JsonArray("gzip") },
            },
            ["Describe"] = new JsonObject
            {
                ["name"] = "Describe", ["http"] = new JsonObject { ["method"] = "POST", ["requestUri"] = "/" },
                ["input"] = new JsonObject { ["shape"] = "DescribeInput" },
                ["endpoint"] = new JsonObject { ["hostPrefix"] = "data.{AccountId}." },
            },
            ["Ping"] = new JsonObject
            {
                ["name"] = "Ping", ["http"] = new JsonObject { ["method"] = "POST", ["requestUri"] = "/" },
                ["endpoint"] = new JsonObject { ["hostPrefix"] = "ping." },
            },
        },
        ["shapes"] = new JsonObject
        {
            ["PutInput"] = new JsonObject { ["type"] = "structure", ["members"] = new JsonObject { ["Payload"] = new JsonObject { ["shape"] = "Text" } } },
            ["DescribeInput"] = new JsonObject
            {
                ["type"] = "structure", ["required"] = new JsonArray("AccountId"),
                ["members"] = new JsonObject { ["AccountId"] = new JsonObject { ["shape"] = "Text", ["hostLabel"] = true } },
            },
            ["Text"] = new JsonObject { ["type"] = "string" },
        },
    }.ToJsonString();

    /// <summary>Creates a client over <paramref name="handler"/>, lets <paramref name="configure"/> adjust the options, and calls the operation.</summary>
    public static async Task<Exception?> CallAsync(HttpMessageHandler handler, string operation, string? member, string? value, Action<AwsClientOptions>? configure = null, string endpoint = "https://traits.example.com")
    {
        var client = Client(handler, configure, endpoint);
        try
        {
            var clientType = client.GetType();
            var method = clientType.GetMethod(operation + "Async")!;
            object?[] args;
            if (member is null)
            {
                args = new object?[] { CancellationToken.None };
            }
            else
            {
                var input = Activator.CreateInstance(method.GetParameters()[0].ParameterType)!;
                input.GetType().GetProperty(member)!.SetValue(input, value);
                args = new object?[] { input, CancellationToken.None };
            }

            try
            {
                await (Task)method.Invoke(client, args)!;
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }
        finally
        {
            ((IDisposable)client).Dispose();
        }
    }

    /// <summary>Creates a client; construction resolves configuration, so a bad setting throws here.</summary>
    public static object Client(HttpMessageHandler handler, Action<AwsClientOptions>? configure = null, string endpoint = "https://traits.example.com")
    {
        var options = new AwsClientOptions
        {
            Region = "us-east-1",
            Endpoint = endpoint,
            Credentials = new CloudTrailSdk.AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            Retry = new CloudTrailSdk.AwsRetryOptions { MaxAttempts = 1 },
            Environment = new CloudTrailSdk.Testing.FakeEnvironment(),
        };
        configure?.Invoke(options);
        var type = Sdk.Value.Assembly.GetType(Namespace + ".TraitsClient")!;
        try
        {
            return Activator.CreateInstance(type, new HttpClient(handler), options)!;
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    public static byte[] Gunzip(byte[] body)
    {
        using var input = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
