using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace CloudTrailSdk.Protocol.Tests.Conformance;

/// <summary>
/// The suites write parameters and results with timestamps as epoch seconds and blobs as plain strings; on the wire
/// blobs are base64 and timestamps may be strings. These walk a value alongside its shape to move between the two.
/// </summary>
internal static class WireValues
{
    /// <summary>Parameters as a JSON body our generated reader accepts.</summary>
    public static JsonNode? ToWire(JsonNode? value, JsonObject? shape, JsonObject shapes) => Walk(value, shape, shapes, toWire: true);

    /// <summary>A body our generated writer produced, back in the suites' notation.</summary>
    public static JsonNode? FromWire(JsonNode? value, JsonObject? shape, JsonObject shapes) => Walk(value, shape, shapes, toWire: false);

    private static JsonNode? Walk(JsonNode? value, JsonObject? shape, JsonObject shapes, bool toWire)
    {
        if (value is null || shape is null)
        {
            return value?.DeepClone();
        }

        switch ((string?)shape["type"])
        {
            case "structure" when value is JsonObject obj && shape["members"] is JsonObject members:
                var result = new JsonObject();
                foreach (var (name, item) in obj)
                {
                    var member = members[name] as JsonObject;
                    result[name] = Walk(item, member is null ? null : Target(member, shapes), shapes, toWire);
                }

                return result;
            case "list" when value is JsonArray array:
                var elementShape = Target((JsonObject)shape["member"]!, shapes);
                return new JsonArray(array.Select(i => Walk(i, elementShape, shapes, toWire)).ToArray());
            case "map" when value is JsonObject map:
                var valueShape = Target((JsonObject)shape["value"]!, shapes);
                var mapped = new JsonObject();
                foreach (var (key, item) in map)
                {
                    mapped[key] = Walk(item, valueShape, shapes, toWire);
                }

                return mapped;
            case "blob" when value is JsonValue blob && blob.TryGetValue<string>(out var text):
                return toWire ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : Encoding.UTF8.GetString(Convert.FromBase64String(text));
            case "timestamp" when !toWire && value is JsonValue stamp && stamp.TryGetValue<string>(out var written):
                var parsed = DateTimeOffset.Parse(written, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                return JsonValue.Create(parsed.ToUnixTimeMilliseconds() / 1000m);
            default:
                return value.DeepClone();
        }
    }

    private static JsonObject? Target(JsonObject reference, JsonObject shapes) =>
        reference["shape"] is JsonValue name && name.TryGetValue<string>(out var s) ? shapes[s] as JsonObject : null;

    /// <summary>JSON equality where 1 and 1.0 are the same number and key order does not matter.</summary>
    public static bool Same(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (JsonObject x, JsonObject y):
                return x.Count == y.Count && x.All(p => y.ContainsKey(p.Key) && Same(p.Value, y[p.Key]));
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second));
            case (JsonValue x, JsonValue y):
                if (Number(x) is { } m && Number(y) is { } n)
                {
                    return m == n;
                }

                return x.ToJsonString() == y.ToJsonString();
            default:
                return false;
        }
    }

    private static decimal? Number(JsonValue value) =>
        value.GetValueKind() == System.Text.Json.JsonValueKind.Number
        && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
