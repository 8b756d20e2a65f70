using CloudTrailSdk.Generator.Json;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>A shape as written in the model, before resolution. Lives only inside one build; never in the pipeline.</summary>
internal sealed class RawShape
{
    public RawShape(string name, JsonProperty property, JsonObject node, string type)
    {
        Name = name;
        Property = property;
        Node = node;
        Type = type;
    }

    public string Name { get; }

    public JsonProperty Property { get; }

    public JsonObject Node { get; }

    public string Type { get; }

    public bool IsException => Node.TryGet("exception", out var e) && e is JsonBool { Value: true };

    public bool IsEventStream => Node.TryGet("eventstream", out var e) && e is JsonBool { Value: true };

    public bool IsDocument => Node.TryGet("document", out var d) && d is JsonBool { Value: true };

    public bool IsUnion => Node.TryGet("union", out var u) && u is JsonBool { Value: true };

    public bool HasEnum => Type == "string" && Node.TryGet("enum", out var e) && e is JsonArray;

    /// <summary>The C# type name, for shapes that become types (structures, enums, errors).</summary>
    public string? TypeName { get; set; }
}
