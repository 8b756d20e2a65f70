using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CloudTrailSdk.Generator.Tests.Support;

namespace CloudTrailSdk.Generator.Tests.Fuzzing;

/// <summary>
/// Turns the base model into a mutated project: one to three mutations per case, all decided by a seeded
/// <see cref="Random"/>, so a case number and seed always rebuild the same model. The mutations aim at what broke
/// before: names that collide with generated members, dangling references, deep nesting, odd paginators and wiring.
/// </summary>
internal sealed class ModelMutator
{
    // Names that collide with something the generator declares, with C# itself, or with each other under case folding.
    private static readonly string[] Hostile =
    {
        "Equals", "EQUALS", "GetHashCode", "ToString", "GetType", "Value", "IsKnown", "KnownValues", "Validation",
        "Serialization", "Server", "WidgetsClient", "IWidgetsClient", "WidgetsException", "WidgetsPaginators",
        "ListWidgetsPaginator", "class", "string", "System", "Widget", "widget", "WIDGET", "Foo-Bar", "1abc", "_", "",
        "a.b", "Ünï", "Message", "Code", "ErrorCode", "StatusCode", "Items", "Responses", "Data", "PrintMembers",
        "EqualityContract", "Deconstruct", "Paginators", "global", "var", "Task", "Global", "Runtime", "CloudTrailSdk",
        "ListWidgetsRequest", "Service", "DefaultStatusCode", "Color", "color", "NextToken", "nextToken", "a/b", "..",
        "Dispose", "DisposeAsync", "Page", "Token",
    };

    private static readonly string[] Types = { "string", "integer", "long", "boolean", "double", "float", "timestamp", "blob", "structure", "list", "map", "bogus" };

    private readonly Random _random;
    private JsonObject _service;
    private JsonObject? _paginators;
    private readonly List<string> _applied = new();
    private string _modelId = "widgets";
    private string? _namespace = "Fuzz.Widgets";
    private string? _clientName = "Widgets";
    private bool _secondModel;
    private string? _secondNamespace;
    private string? _secondClientName;
    private string? _rawOverride;

    public ModelMutator(int seed, int caseNumber)
    {
        _random = new Random(unchecked((seed * 1_000_003) + caseNumber));
        _service = (JsonObject)JsonNode.Parse(FuzzBaseModel.Service)!;
        _paginators = (JsonObject)JsonNode.Parse(FuzzBaseModel.Paginators)!;
    }

    /// <summary>What was done, for the failure message.</summary>
    public string Description => string.Join("; ", _applied);

    public IReadOnlyList<ModelSource> Build()
    {
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            Mutate();
        }

        var serviceText = _rawOverride ?? _service.ToJsonString();
        var sources = new List<ModelSource>
        {
            ModelSource.Service("/fuzz/" + _modelId + "/service-2.json", serviceText, _modelId, _namespace, _clientName),
        };
        if (_paginators is not null)
        {
            sources.Add(ModelSource.Paginators("/fuzz/" + _modelId + "/paginators-1.json", _paginators.ToJsonString(), _modelId));
        }

        if (_secondModel)
        {
            sources.Add(ModelSource.Service("/fuzz/second/service-2.json", FuzzBaseModel.Service, "second", _secondNamespace, _secondClientName));
        }

        return sources;
    }

    private JsonObject Shapes => (JsonObject)_service["shapes"]!;

    private JsonObject Operations => (JsonObject)_service["operations"]!;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string HostileName() => Pick(Hostile);

    private void Mutate()
    {
        var choice = _random.Next(16);
        try
        {
            Apply(choice);
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidCastException or InvalidOperationException or ArgumentException)
        {
            // An earlier mutation removed what this one needs (a deleted shape, a renamed member): nothing to mutate.
            Log("mutation " + choice + " did not apply");
        }
    }

    private void Apply(int choice)
    {
        switch (choice)
        {
            case 0: RenameShape(); break;
            case 1: AddEnumValue(); break;
            case 2: RenameMember(); break;
            case 3: DanglingReference(); break;
            case 4: DeleteKey(); break;
            case 5: ChangeType(); break;
            case 6: DeepNesting(); break;
            case 7: MutatePaginator(); break;
            case 8: MutateMetadata(); break;
            case 9: RenameOperation(); break;
            case 10: CaseTwin(); break;
            case 11: MutateWiring(); break;
            case 12: MutateConstraints(); break;
            case 13: RecursiveMember(); break;
            case 14: Syntax(); break;
            default: AddEnumValue(); RenameMember(); break;
        }
    }

    private void Log(string text) => _applied.Add(text);

    private void RenameShape()
    {
        var from = Pick(Shapes.Select(p => p.Key).ToList());
        var to = HostileName();
        if (Shapes.ContainsKey(to))
        {
            return;
        }

        var updateReferences = _random.Next(4) != 0;
        Log("rename shape " + from + " -> '" + to + "'" + (updateReferences ? string.Empty : " (references left dangling)"));
        var node = Shapes[from]!;
        Shapes.Remove(from);
        Shapes[to] = node;
        if (updateReferences)
        {
            ReplaceShapeReferences(_service, from, to);
        }
    }

    private static void ReplaceShapeReferences(JsonNode? node, string from, string to)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (key == "shape" && value is JsonValue v && v.TryGetValue<string>(out var s) && s == from)
                    {
                        o[key] = to;
                    }
                    else
                    {
                        ReplaceShapeReferences(value, from, to);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    ReplaceShapeReferences(item, from, to);
                }

                break;
        }
    }

    private void AddEnumValue()
    {
        var value = _random.Next(3) == 0 ? "RED" : HostileName();
        Log("enum value '" + value + "'");
        ((JsonArray)Shapes["Color"]!["enum"]!).Add(value);
    }

    private void RenameMember()
    {
        var structures = Shapes.Where(p => p.Value?["members"] is JsonObject).Select(p => p.Key).ToList();
        var owner = Pick(structures);
        var members = (JsonObject)Shapes[owner]!["members"]!;
        if (members.Count == 0)
        {
            return;
        }

        var from = Pick(members.Select(p => p.Key).ToList());
        var to = _random.Next(4) == 0 ? owner : HostileName();
        if (members.ContainsKey(to))
        {
            return;
        }

        Log("member " + owner + "." + from + " -> '" + to + "'");
        var node = members[from]!;
        members.Remove(from);
        members[to] = node;
    }

    private void DanglingReference()
    {
        var references = new List<JsonObject>();
        Collect(_service, references);
        var target = Pick(references);
        Log("dangling reference " + target["shape"] + " -> Missing");
        target["shape"] = "MissingShape" + _random.Next(10);

        static void Collect(JsonNode? node, List<JsonObject> into)
        {
            if (node is JsonObject o)
            {
                if (o["shape"] is JsonValue)
                {
                    into.Add(o);
                }

                foreach (var (_, value) in o)
                {
                    Collect(value, into);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var item in a)
                {
                    Collect(item, into);
                }
            }
        }
    }

    private void DeleteKey()
    {
        var objects = new List<JsonObject>();
        CollectObjects(_service, objects);
        var target = Pick(objects);
        if (target.Count == 0)
        {
            return;
        }

        var key = Pick(target.Select(p => p.Key).ToList());
        Log("delete key '" + key + "'");
        target.Remove(key);

        static void CollectObjects(JsonNode? node, List<JsonObject> into)
        {
            if (node is JsonObject o)
            {
                into.Add(o);
                foreach (var (_, value) in o)
                {
                    CollectObjects(value, into);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var item in a)
                {
                    CollectObjects(item, into);
                }
            }
        }
    }

    private void ChangeType()
    {
        var shape = Pick(Shapes.Select(p => p.Key).ToList());
        var type = Pick(Types);
        Log("shape " + shape + " type -> " + type);
        Shapes[shape]!["type"] = type;
    }

    private void DeepNesting()
    {
        var depths = new[] { 3, 20, 70, 300, 2000, 5000, 50000 };
        var depth = Pick(depths);
        var maps = _random.Next(2) == 0;
        Log((maps ? "maps" : "lists") + " nested " + depth + " deep");
        for (var i = 0; i < depth; i++)
        {
            var next = i == depth - 1 ? "WidgetName" : "Deep" + (i + 1);
            Shapes["Deep" + i] = maps
                ? new JsonObject { ["type"] = "map", ["key"] = new JsonObject { ["shape"] = "Token" }, ["value"] = new JsonObject { ["shape"] = next } }
                : new JsonObject { ["type"] = "list", ["member"] = new JsonObject { ["shape"] = next } };
        }

        ((JsonObject)Shapes["Widget"]!["members"]!)["Deep"] = new JsonObject { ["shape"] = "Deep0" };
    }

    private void MutatePaginator()
    {
        _paginators ??= (JsonObject)JsonNode.Parse(FuzzBaseModel.Paginators)!;
        var entry = (JsonObject)_paginators["pagination"]!["ListWidgets"]!;
        switch (_random.Next(7))
        {
            case 0:
                Log("result_key Page.Items");
                entry["result_key"] = "Page.Items";
                break;
            case 1:
                Log("result_key Page.Nope");
                entry["result_key"] = "Page.Nope";
                break;
            case 2:
                Log("result_key Color (not a list)");
                entry["result_key"] = "Color";
                break;
            case 3:
                Log("token is an enum");
                Shapes["Token"]!["enum"] = new JsonArray("A", "B");
                break;
            case 4:
                Log("paginator for a missing operation");
                _paginators["pagination"]!["NoSuchOperation"] = entry.DeepClone();
                break;
            case 5:
                Log("paginator input_token missing member");
                entry["input_token"] = HostileName();
                break;
            default:
                Log("paginators file dropped");
                _paginators = null;
                break;
        }
    }

    private void MutateMetadata()
    {
        var metadata = (JsonObject)_service["metadata"]!;
        switch (_random.Next(5))
        {
            case 0:
                var protocol = Pick(new[] { "json", "rest-json", "smithy-rpc-v2-cbor", "query" });
                Log("protocol " + protocol + " with protocols [cbor, json]");
                metadata["protocol"] = protocol;
                metadata["protocols"] = new JsonArray("smithy-rpc-v2-cbor", "json");
                break;
            case 1:
                var version = Pick(new[] { "1.0", "1.1", "2.0", "" });
                Log("jsonVersion " + version);
                metadata["jsonVersion"] = version;
                break;
            case 2:
                var serviceId = HostileName();
                Log("serviceId '" + serviceId + "', no client name");
                metadata["serviceId"] = serviceId;
                _clientName = null;
                _namespace = null;
                break;
            case 3:
                var prefix = HostileName();
                Log("targetPrefix '" + prefix + "'");
                metadata["targetPrefix"] = prefix;
                break;
            default:
                Log("metadata.signingName '\"quote'");
                metadata["signingName"] = "\"quote\\";
                break;
        }
    }

    private void RenameOperation()
    {
        var from = Pick(Operations.Select(p => p.Key).ToList());
        var to = HostileName();
        if (Operations.ContainsKey(to))
        {
            return;
        }

        Log("operation " + from + " -> '" + to + "'");
        var node = Operations[from]!;
        Operations.Remove(from);
        Operations[to] = node;
        if (_paginators?["pagination"] is JsonObject pagination && pagination[from] is { } entry && _random.Next(2) == 0)
        {
            pagination.Remove(from);
            pagination[to] = entry;
        }
    }

    private void CaseTwin()
    {
        var name = Pick(Shapes.Select(p => p.Key).ToList());
        var twin = _random.Next(2) == 0 ? name.ToUpperInvariant() : name.ToLowerInvariant();
        if (twin == name || Shapes.ContainsKey(twin))
        {
            return;
        }

        Log("case twin " + name + " / " + twin);
        Shapes[twin] = Shapes[name]!.DeepClone();
    }

    private void MutateWiring()
    {
        switch (_random.Next(5))
        {
            case 0:
                _modelId = Pick(new[] { "a/b", ".x", "W:1", "wid gets", "WIDGETS", "ü" });
                Log("model id '" + _modelId + "'");
                break;
            case 1:
                _namespace = Pick(new[] { "Fuzz.class", "Fuzz..W", "1Fuzz", "Fuzz.Widgets.Validation", "System", "Fuzz.Widgets" });
                Log("namespace '" + _namespace + "'");
                break;
            case 2:
                _secondModel = true;
                _secondNamespace = _namespace;
                _secondClientName = "Other";
                Log("second model in the same namespace");
                break;
            case 3:
                _secondModel = true;
                _secondNamespace = "Fuzz.Second";
                _secondClientName = _clientName;
                Log("second model, same client name, other namespace");
                break;
            default:
                _clientName = Pick(new[] { "class", "Widget", "ListWidgets", "Color", "Page", "W-1", "Validation" });
                Log("client name '" + _clientName + "'");
                break;
        }
    }

    private void MutateConstraints()
    {
        var name = (JsonObject)Shapes["WidgetName"]!;
        switch (_random.Next(4))
        {
            case 0:
                Log("min above max");
                name["min"] = 100;
                name["max"] = 1;
                break;
            case 1:
                var pattern = Pick(new[] { "\\p{LD}+", "[a-z]{2}+", "(", "\\p{Bogus}", "^a*+$", "[\\p{Punct}]" });
                Log("pattern '" + pattern + "'");
                name["pattern"] = pattern;
                break;
            case 2:
                Log("required member that does not exist");
                ((JsonArray)Shapes["Widget"]!["required"]!).Add("Nope");
                break;
            default:
                Log("min is a string");
                name["min"] = "one";
                break;
        }
    }

    private void RecursiveMember()
    {
        Log("Widget contains a list of Widget and a map of Widget");
        var members = (JsonObject)Shapes["Widget"]!["members"]!;
        members["Children"] = new JsonObject { ["shape"] = "WidgetList" };
        Shapes["WidgetMap"] = new JsonObject { ["type"] = "map", ["key"] = new JsonObject { ["shape"] = "Color" }, ["value"] = new JsonObject { ["shape"] = "Widget" } };
        members["ByColor"] = new JsonObject { ["shape"] = "WidgetMap" };
    }

    private void Syntax()
    {
        var text = _service.ToJsonString();
        switch (_random.Next(3))
        {
            case 0:
                var cut = _random.Next(text.Length);
                Log("truncated at " + cut);
                _rawOverride = text.Substring(0, cut);
                break;
            case 1:
                Log("stray byte");
                var at = _random.Next(text.Length);
                _rawOverride = text.Substring(0, at) + "\u0001" + text.Substring(at);
                break;
            default:
                Log("unpaired surrogate in a name");
                _rawOverride = text.Replace("\"Widget\":", "\"Wid\uD800get\":", StringComparison.Ordinal);
                break;
        }
    }
}
