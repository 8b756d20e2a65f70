using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Protocol.Tests.Harness;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Serialization;

namespace CloudTrailSdk.Protocol.Tests.Conformance;

/// <summary>
/// One case of a suite, run as botocore's runner does: the suite's shapes plus the case's operation become a model,
/// the generator turns it into an SDK, and the SDK's client talks to a handler that records and answers.
/// </summary>
internal sealed class ProtocolCase : IDisposable
{
    private const string Namespace = "ProtocolTest";
    private const string ClientName = "ProtocolTest";

    private readonly JsonObject _suite;
    private readonly CloudTrailSdk.Testing.GeneratedAssembly _sdk;

    public ProtocolCase(string file, int suite, int index)
    {
        _suite = (JsonObject)ProtocolSuites.File(file)[suite]!;
        Case = (JsonObject)((JsonArray)_suite["cases"]!)[index]!;
        Given = (JsonObject)Case["given"]!;
        Shapes = (JsonObject)_suite["shapes"]!;
        _sdk = ProtocolGenerator.Build("/protocol/" + file.Replace('/', '_'), Model(), Namespace, ClientName);
    }

    public JsonObject Case { get; }

    public JsonObject Given { get; }

    public JsonObject Shapes { get; }

    public string Operation => (string)Given["name"]!;

    public JsonObject? InputShape => Given["input"]?["shape"] is JsonValue v ? Shapes[(string)v!] as JsonObject : null;

    public JsonObject? OutputShape => Given["output"]?["shape"] is JsonValue v ? Shapes[(string)v!] as JsonObject : null;

    /// <summary>The suites leave out what every real model has; a runner supplies serviceId and endpointPrefix.</summary>
    private string Model()
    {
        var metadata = (JsonObject)_suite["metadata"]!.DeepClone();
        metadata["serviceId"] ??= "Protocol Test";
        metadata["endpointPrefix"] ??= "protocoltest";
        metadata["signingName"] ??= "protocoltest";
        var model = new JsonObject
        {
            ["version"] = "2.0",
            ["metadata"] = metadata,
            ["operations"] = new JsonObject { [Operation] = Given.DeepClone() },
            ["shapes"] = Shapes.DeepClone(),
        };
        return model.ToJsonString();
    }

    /// <summary>Calls the operation; returns the handler (with the request) and the result object or the exception.</summary>
    public async Task<(RecordingHandler Handler, object? Result, Exception? Error)> CallAsync(RecordingHandler handler, JsonNode? parameters)
    {
        var clientType = Type(Namespace + "." + ClientName + "Client");
        using var http = new HttpClient(handler);
        var options = new AwsClientOptions
        {
            Region = "us-east-1",
            Endpoint = Endpoint(),
            Credentials = new CloudTrailSdk.AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            ValidateRequests = false,
            Retry = new CloudTrailSdk.AwsRetryOptions { MaxAttempts = 1 },

            // No variable or profile of this machine (AWS_DISABLE_REQUEST_COMPRESSION, say) changes what is sent.
            Environment = new CloudTrailSdk.Testing.FakeEnvironment(),
        };
        var client = (IDisposable)Activator.CreateInstance(clientType, http, options)!;
        try
        {
            var method = clientType.GetMethods().Single(m => m.Name == Operation + "Async" && m.GetParameters().Length == (InputShape is null ? 1 : 2));
            var args = new List<object?>();
            if (InputShape is not null)
            {
                var inputType = method.GetParameters()[0].ParameterType;
                var wire = WireValues.ToWire(parameters ?? new JsonObject(), InputShape, Shapes)!.ToJsonString();
                args.Add(Read(inputType, Encoding.UTF8.GetBytes(wire)));
            }

            args.Add(CancellationToken.None);
            var task = (Task)method.Invoke(client, args.ToArray())!;
            try
            {
                await task;
            }
            catch (Exception ex)
            {
                return (handler, null, ex);
            }

            var result = task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            return (handler, result, null);
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>As botocore's runner: an expected host with a path is the endpoint the user configured.</summary>
    private string Endpoint() =>
        Case["serialized"]?["host"] is JsonValue host && ((string)host!).Contains('/', StringComparison.Ordinal)
            ? "https://" + (string)host!
            : "https://example.com";

    /// <summary>A result object written by its generated serializer, in the suites' notation.</summary>
    public JsonNode? Describe(object? result)
    {
        if (result is null || OutputShape is null)
        {
            return new JsonObject();
        }

        var serializer = Type(Namespace + ".Serialization." + result.GetType().Name + "Serializer");
        var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            serializer.GetMethod("Write")!.Invoke(null, new[] { writer, result });
        }

        return WireValues.FromWire(JsonNode.Parse(buffer.ToArray()), OutputShape, Shapes);
    }

    public Type Type(string name) =>
        _sdk.Assembly.GetType(name) ?? throw new Xunit.Sdk.XunitException("The generated SDK has no type " + name);

    private object Read(Type type, byte[] json)
    {
        var serializer = Type(Namespace + ".Serialization." + type.Name + "Serializer");
        var read = Delegate.CreateDelegate(typeof(AwsJsonRead<>).MakeGenericType(type), serializer.GetMethod("Read")!);
        return typeof(ProtocolCase).GetMethod(nameof(ReadWith), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, new object[] { read, json })!;
    }

    private static T ReadWith<T>(AwsJsonRead<T> read, byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return read(ref reader);
    }

    public void Dispose() => _sdk.Dispose();
}
