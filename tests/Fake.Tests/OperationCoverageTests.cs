using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Server;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Fake.Tests;

/// <summary>
/// Walks every operation in the service model and sends each a smallest request the model accepts. An operation whose
/// behaviour is missing answers UnsupportedOperationException. The same request first goes to the generated base with
/// no behaviour at all: only if that answers UnsupportedOperationException did the request get past validation to the
/// hook, so the fake's answer says something about its behaviour.
/// </summary>
[Trait("Category", "Unit")]
public sealed class OperationCoverageTests
{
    private static readonly JsonElement Model = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.CloudTrailModel, "2013-11-01", "service-2.json"))).RootElement;

    // Values tried, in order, for a required string with a pattern: the first that fits the pattern and the length wins.
    private static readonly string[] Candidates =
    {
        "fake-resource-1",
        "0123abcd-0123-4abc-8def-0123456789ab",
        "123456789012",
        "cloudtrail.amazonaws.com",
        "ListTrails",
        "arn:aws:iam::123456789012:role/fake-role",
        "show me every call made yesterday",
    };

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var operation in Model.GetProperty("operations").EnumerateObject().Select(o => o.Name).OrderBy(n => n, StringComparer.Ordinal))
        {
            data.Add(operation);
        }

        return data;
    }

    [Fact]
    public void The_walk_covers_the_whole_model() => Assert.Equal(Model.GetProperty("operations").EnumerateObject().Count(), Operations().Count);

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_operation_has_behaviour(string operation)
    {
        var body = Encoding.UTF8.GetBytes(SmallestRequest(operation).ToJsonString());
        var control = await new NoBehaviour().DispatchAsync(operation, body, Context(operation));
        Assert.True(control.ErrorCode == "UnsupportedOperationException", operation + ": the walk's request " + Encoding.UTF8.GetString(body) + " does not reach the hook: " + Text(control));

        using var fake = new FakeCloudTrail();
        var result = await fake.DispatchAsync(operation, body, Context(operation));
        Assert.True(result.ErrorCode != "UnsupportedOperationException", operation + " has no behaviour: " + Text(result));
        Assert.NotEqual(500, result.StatusCode);
    }

    private static AwsServerContext Context(string operation) => new(operation, Guid.NewGuid().ToString()) { Region = "us-east-1" };

    private static string Text(AwsServerResult result) => result.ErrorCode + " " + Encoding.UTF8.GetString(result.Body);

    private static JsonObject SmallestRequest(string operation)
    {
        var op = Model.GetProperty("operations").GetProperty(operation);
        return op.TryGetProperty("input", out var input) ? (JsonObject)Value(input.GetProperty("shape").GetString()!, depth: 0)! : new JsonObject();
    }

    private static JsonNode? Value(string shapeName, int depth)
    {
        var shape = Model.GetProperty("shapes").GetProperty(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                var required = shape.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!).ToHashSet() : new HashSet<string>();
                var obj = new JsonObject();
                foreach (var member in shape.GetProperty("members").EnumerateObject().Where(m => required.Contains(m.Name)))
                {
                    obj[member.Name] = Value(member.Value.GetProperty("shape").GetString()!, depth + 1);
                }

                return obj;
            case "list":
                var min = shape.TryGetProperty("min", out var m) ? Math.Max(1, m.GetInt32()) : 1;
                var list = new JsonArray();
                for (var i = 0; i < min; i++)
                {
                    list.Add(Value(shape.GetProperty("member").GetProperty("shape").GetString()!, depth + 1));
                }

                return list;
            case "map":
                return new JsonObject();
            case "string":
                return StringValue(shapeName, shape);
            case "integer" or "long":
                return shape.TryGetProperty("min", out var low) ? low.GetInt64() : 1;
            case "boolean":
                return false;
            case "timestamp":
                return DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            case "blob":
                return Convert.ToBase64String(new byte[] { 1 });
            default:
                throw new InvalidOperationException("the walk does not know shape type " + shape.GetProperty("type").GetString() + " (" + shapeName + ")");
        }
    }

    private static string StringValue(string shapeName, JsonElement shape)
    {
        if (shape.TryGetProperty("enum", out var values))
        {
            return values[0].GetString()!;
        }

        var min = shape.TryGetProperty("min", out var lo) ? lo.GetInt32() : 0;
        var max = shape.TryGetProperty("max", out var hi) ? hi.GetInt32() : int.MaxValue;
        var pattern = shape.TryGetProperty("pattern", out var p) ? new Regex(p.GetString()!) : null;
        var fit = Candidates.FirstOrDefault(c => c.Length >= min && c.Length <= max && (pattern is null || pattern.IsMatch(c)));
        return fit ?? throw new InvalidOperationException("no candidate value fits string shape " + shapeName + " (add one to the walk's candidates)");
    }

    private sealed class NoBehaviour : CloudTrailSdk.Server.CloudTrailServiceBase
    {
    }
}
