using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CloudTrailSdk.Protocol.Tests.Conformance;
using CloudTrailSdk.Protocol.Tests.Harness;
using CloudTrailSdk.Runtime;

namespace CloudTrailSdk.Protocol.Tests;

/// <summary>
/// botocore's awsJson 1.0 and 1.1 suites, every case through our generator and runtime, compared as botocore's own
/// runner (tests/unit/test_protocols.py) compares them.
/// </summary>
[Trait("Category", "Unit")]
public sealed class AwsJsonProtocolTests
{
    public static IEnumerable<object[]> InputCases() => ProtocolSuites.Cases(ProtocolSuites.InputFiles);

    public static IEnumerable<object[]> OutputCases() => ProtocolSuites.Cases(ProtocolSuites.OutputFiles);

    [Theory]
    [MemberData(nameof(InputCases))]
    public async Task Input(string file, int suite, int index, string id)
    {
        using var run = new ProtocolCase(file, suite, index);
        var expected = (JsonObject)run.Case["serialized"]!;
        var (handler, _, error) = await run.CallAsync(new RecordingHandler(), run.Case["params"]);
        Assert.True(error is null, id + ": the call failed: " + error);
        var request = handler.Request!;

        Assert.Equal((string)expected["method"]!, request.Method.Method);
        Assert.Equal((string)expected["uri"]!, request.RequestUri!.PathAndQuery);
        if (expected["host"] is JsonValue host)
        {
            // A host with a path ("example.com/custom") is the endpoint's host and path, without the operation's '/'.
            var sentHost = ((string)host!).Contains('/', StringComparison.Ordinal)
                ? request.RequestUri.Host + request.RequestUri.AbsolutePath.TrimEnd('/')
                : request.RequestUri.Host;
            Assert.Equal((string)host!, sentHost);
        }

        if (expected["headers"] is JsonObject headers)
        {
            foreach (var (name, value) in headers)
            {
                Assert.Equal((string)value!, Header(request, name));
            }
        }

        if (expected["body"] is JsonValue body)
        {
            var sent = Encoding.UTF8.GetString(handler.RequestBody);
            var want = (string)body!;
            if (want.Length == 0 || sent.Length == 0)
            {
                Assert.Equal(want, sent);
            }
            else
            {
                Assert.True(WireValues.Same(JsonNode.Parse(want), JsonNode.Parse(sent)), id + ": body " + sent + ", expected " + want);
            }
        }
    }

    [Theory]
    [MemberData(nameof(OutputCases))]
    public async Task Output(string file, int suite, int index, string id)
    {
        using var run = new ProtocolCase(file, suite, index);
        var response = (JsonObject)run.Case["response"]!;
        var headers = ((JsonObject?)response["headers"])?.ToDictionary(p => p.Key, p => (string)p.Value!) ?? new Dictionary<string, string>();
        var handler = new RecordingHandler((int)response["status_code"]!, headers, (string?)response["body"] ?? string.Empty);
        var (_, result, error) = await run.CallAsync(handler, new JsonObject());

        if (run.Case["errorCode"] is JsonValue code)
        {
            var service = Assert.IsAssignableFrom<AwsServiceException>(error);
            Assert.Equal((string)code!, service.ErrorCode);
            if (run.Case["errorMessage"] is JsonValue message)
            {
                Assert.Equal((string)message!, service.Message);
            }

            // A modelled error arrives as its own type; an unknown code as the service's base exception.
            var modelled = run.Shapes[(string)code!] is JsonObject shape && (bool?)shape["exception"] == true;
            Assert.Equal(modelled ? (string)code! : "ProtocolTestException", service.GetType().Name);
            return;
        }

        Assert.True(error is null, id + ": the call failed: " + error);
        var actual = run.Describe(result);
        var want = run.Case["result"];
        Assert.True(WireValues.Same(want, actual), id + ": parsed " + actual?.ToJsonString() + ", expected " + want?.ToJsonString());
    }

    private static string? Header(System.Net.Http.HttpRequestMessage request, string name)
    {
        if (request.Headers.TryGetValues(name, out var values) || (request.Content is not null && request.Content.Headers.TryGetValues(name, out values)))
        {
            return string.Join(", ", values);
        }

        return null;
    }
}
