using System;
using System.Collections.Generic;
using System.Linq;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Input;
using CloudTrailSdk.Generator.Json;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Parsing;

internal sealed partial class ModelBuilder
{
    private static readonly string[] TokenNames = { "NextToken", "nextToken", "Marker", "NextMarker" };

    private Dictionary<string, PaginatorSpec> ReadPaginators(ModelFile file, List<(RawOperation Raw, OperationSpec Spec)> operations)
    {
        var result = new Dictionary<string, PaginatorSpec>(StringComparer.Ordinal);
        var sink = new DiagnosticSink(file.Path, file.Text, _diagnostics);
        var root = ParseRoot(file.Text, sink);
        var d = GeneratorDiagnostics.InvalidPaginator;
        if (root is null || JsonAccess.Object(root, "pagination", sink, d, "The paginators file", required: true) is not { } pagination)
        {
            return result;
        }

        var byName = operations.ToDictionary(o => o.Spec.Name, o => o.Raw, StringComparer.Ordinal);
        foreach (var property in pagination.Properties)
        {
            var where = "Paginator '" + property.Name + "'";
            if (!byName.TryGetValue(property.Name, out var operation))
            {
                var known = _operationNodes.ContainsKey(property.Name);
                sink.ReportAtName(known ? GeneratorDiagnostics.UnsupportedFeature : d, property,
                    known ? where + " is for an operation that was left out" : where + " names an operation the model does not define");
                continue;
            }

            if (property.Value is not JsonObject entry)
            {
                sink.Report(d, property.Value, where + " must be an object");
                continue;
            }

            var inputToken = Single(entry, "input_token", sink, where);
            var outputToken = Single(entry, "output_token", sink, where);
            if (inputToken is null || outputToken is null)
            {
                continue;
            }

            var input = operation.InputShape is { } i && _shapes.TryGetValue(i, out var inputShape) ? inputShape : null;
            var output = operation.OutputShape is { } o && _shapes.TryGetValue(o, out var outputShape) ? outputShape : null;
            var inputMember = Member(input, inputToken.Value);
            var outputMember = Member(output, outputToken.Value);
            if (inputMember is null || outputMember is null)
            {
                sink.Report(d, inputMember is null ? inputToken : outputToken,
                    where + ": " + (inputMember is null ? "input" : "output") + " has no member '" + (inputMember is null ? inputToken : outputToken).Value + "'");
                continue;
            }

            if (!IsStringToken(inputMember.Value.Shape) || !IsStringToken(outputMember.Value.Shape))
            {
                sink.Report(GeneratorDiagnostics.UnsupportedFeature, inputToken,
                    where + " pages with a non-string token; only string tokens are supported, so no paginator is generated");
                continue;
            }

            string? limit = null;
            if (JsonAccess.String(entry, "limit_key", sink, d, where, required: false) is { } limitKey)
            {
                if (Member(input, limitKey) is null)
                {
                    sink.Report(d, entry["limit_key"], where + ": input has no member '" + limitKey + "'");
                    continue;
                }

                limit = PropertyName(input!.TypeName!, limitKey);
            }

            string? items = null;
            string? itemsPath = null;
            TypeRef? itemType = null;
            if (entry.TryGet("result_key", out var resultKeyNode))
            {
                var resultKey = resultKeyNode is JsonString rs ? rs : resultKeyNode is JsonArray ra && ra.Items.Count > 0 ? ra.Items[0] as JsonString : null;
                if (resultKey is null)
                {
                    sink.Report(d, resultKeyNode, where + ".result_key must be a member name or a list of them");
                    continue;
                }

                if (!ResultKey(output!, resultKey, sink, where, out items, out itemsPath, out itemType))
                {
                    continue;
                }
            }

            result[property.Name] = new PaginatorSpec(
                PropertyName(input!.TypeName!, inputToken.Value),
                PropertyName(output!.TypeName!, outputToken.Value),
                limit,
                items,
                itemType,
                itemsPath);
        }

        return result;
    }

    /// <summary>
    /// botocore's paginators file misses operations that page all the same; any operation whose input and output
    /// share a string token member pages, and a single list member in the output is its items.
    /// </summary>
    private void InferPaginators(List<(RawOperation Raw, OperationSpec Spec)> operations, Dictionary<string, PaginatorSpec> paginators)
    {
        foreach (var (raw, spec) in operations)
        {
            if (paginators.ContainsKey(spec.Name) || raw.InputShape is null || raw.OutputShape is null)
            {
                continue;
            }

            if (!_shapes.TryGetValue(raw.InputShape, out var input) || !_shapes.TryGetValue(raw.OutputShape, out var output)
                || input.TypeName is null || output.TypeName is null)
            {
                continue;
            }

            var token = TokenNames.FirstOrDefault(t => Member(input, t) is { } a && IsStringToken(a.Shape) && Member(output, t) is { } b && IsStringToken(b.Shape));
            if (token is null)
            {
                continue;
            }

            var lists = (output.Node["members"] as JsonObject)?.Properties
                .Where(p => Member(output, p.Name)?.Shape.Type == "list")
                .ToList() ?? new List<JsonProperty>();
            var limit = new[] { "MaxResults", "maxResults", "Limit", "limit", "MaxItems" }
                .FirstOrDefault(n => Member(input, n)?.Shape.Type is "integer" or "long");
            var items = lists.Count == 1 ? lists[0] : null;
            paginators[spec.Name] = new PaginatorSpec(
                PropertyName(input.TypeName!, token),
                PropertyName(output.TypeName!, token),
                limit is null ? null : PropertyName(input.TypeName!, limit),
                items is null ? null : PropertyName(output.TypeName!, items.Name),
                items is null ? null : Resolve(Member(output, items.Name)!.Value.Shape.Name, items.Value, "Paginator '" + spec.Name + "'")?.Element,
                items is null ? null : "p." + PropertyName(output.TypeName!, items.Name));
        }
    }

    private static bool IsStringToken(RawShape shape) => shape.Type == "string" && !shape.HasEnum;

    /// <summary>
    /// Follows a result key, which botocore allows to be a dotted path through structures (athena's
    /// <c>ResultSet.Rows</c>). A key that ends on something other than a list still pages; it just has no item stream.
    /// </summary>
    private bool ResultKey(RawShape output, JsonString key, DiagnosticSink sink, string where, out string? name, out string? path, out TypeRef? itemType)
    {
        name = null;
        path = null;
        itemType = null;
        var owner = output;
        var access = new List<string>();
        var segments = key.Value.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var member = Member(owner, segments[i]);
            if (member is null || owner.TypeName is null)
            {
                sink.Report(GeneratorDiagnostics.InvalidPaginator, key, where + ": output has no member '" + key.Value + "' (no '" + segments[i] + "' in shape '" + owner.Name + "')");
                return false;
            }

            access.Add(PropertyName(owner.TypeName, segments[i]));
            if (i == segments.Length - 1)
            {
                if (member.Value.Shape.Type != "list")
                {
                    sink.Report(GeneratorDiagnostics.UnsupportedFeature, key, where + ": result key '" + key.Value + "' is a " + member.Value.Shape.Type + ", not a list; the paginator pages responses only");
                    return true;
                }

                itemType = Resolve(member.Value.Shape.Name, key, where)?.Element;
                name = access[access.Count - 1];
                path = "p." + string.Join("?.", access);
                return true;
            }

            if (member.Value.Shape.Type != "structure" || member.Value.Shape.TypeName is null)
            {
                sink.Report(GeneratorDiagnostics.InvalidPaginator, key, where + ": result key '" + key.Value + "' goes through '" + segments[i] + "', which is not a structure");
                return false;
            }

            owner = member.Value.Shape;
        }

        return true;
    }

    private JsonString? Single(JsonObject entry, string key, DiagnosticSink sink, string where)
    {
        if (!entry.TryGet(key, out var node))
        {
            sink.Report(GeneratorDiagnostics.InvalidPaginator, entry, where + " has no '" + key + "'");
            return null;
        }

        if (node is JsonString s && s.Value.IndexOf('.') < 0)
        {
            return s;
        }

        sink.Report(GeneratorDiagnostics.UnsupportedFeature, node, where + "." + key + " is a path or a list; only a single top-level member is supported, so no paginator is generated");
        return null;
    }

    /// <summary>The shape a structure's member points at, or null when there is no such member.</summary>
    private (string Name, RawShape Shape)? Member(RawShape? structure, string member)
    {
        if (structure?.Node["members"] is JsonObject members && members[member] is JsonObject m
            && m["shape"] is JsonString target && _shapes.TryGetValue(target.Value, out var shape))
        {
            return (member, shape);
        }

        return null;
    }
}
