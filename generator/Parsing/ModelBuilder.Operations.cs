using System;
using System.Collections.Generic;
using System.Linq;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Json;
using CloudTrailSdk.Generator.Naming;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Parsing;

internal sealed partial class ModelBuilder
{
    private readonly Dictionary<string, RawOperation> _operationNodes = new(StringComparer.Ordinal);

    private void IndexOperations(JsonObject operations)
    {
        foreach (var property in operations.Properties)
        {
            var where = "Operation '" + property.Name + "'";
            if (property.Value is not JsonObject node)
            {
                _sink.Report(GeneratorDiagnostics.InvalidShape, property.Value, where + " must be an object");
                continue;
            }

            // The name is used as it is, in X-Amz-Target and as the method and paginator names, so it must already
            // be an identifier (every AWS operation name is).
            if (!Identifiers.IsValidIdentifier(property.Name) || property.Name == _service.PaginatorsClassName)
            {
                _sink.ReportAtName(GeneratorDiagnostics.NameClash, property, where + " is not usable as a C# method name (it must be an identifier, not a keyword, and not '" + _service.PaginatorsClassName + "')");
                continue;
            }

            var input = ShapeRef(node, "input", where);
            var output = ShapeRef(node, "output", where);
            _operationNodes[property.Name] = new RawOperation(property.Name, property, node, input?.Value, output?.Value, input, output);
        }
    }

    private JsonString? ShapeRef(JsonObject operation, string slot, string where)
    {
        if (JsonAccess.Object(operation, slot, _sink, GeneratorDiagnostics.InvalidShape, where, required: false) is not { } reference)
        {
            return null;
        }

        if (reference["shape"] is JsonString shape)
        {
            return shape;
        }

        _sink.Report(GeneratorDiagnostics.InvalidShape, reference, where + "." + slot + " needs a 'shape' name");
        return null;
    }

    private List<(RawOperation Raw, OperationSpec Spec)> ReadOperations(Customizations customizations)
    {
        var result = new List<(RawOperation, OperationSpec)>();
        foreach (var operation in _operationNodes.Values.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var where = "Operation '" + operation.Name + "'";
            var input = CheckOperationShape(operation.InputShape, operation.InputNode, where + " input", out var inputStreams);
            var output = CheckOperationShape(operation.OutputShape, operation.OutputNode, where + " output", out var outputStreams);
            if (inputStreams || outputStreams)
            {
                _sink.ReportAtName(GeneratorDiagnostics.UnsupportedFeature, operation.Property, where + " streams events, which this generator does not support; the operation is left out");
                continue;
            }

            var errors = new List<string>();
            if (operation.Node.TryGet("errors", out var errorsNode) && errorsNode is JsonArray errorList)
            {
                foreach (var item in errorList.Items)
                {
                    if (item is JsonObject e && e["shape"] is JsonString name)
                    {
                        if (!_shapes.TryGetValue(name.Value, out var shape))
                        {
                            _sink.Report(GeneratorDiagnostics.UnknownShape, name, where + " lists error '" + name.Value + "', which the model does not define");
                        }
                        else if (!shape.IsException)
                        {
                            _sink.Report(GeneratorDiagnostics.InvalidShape, name, where + " lists '" + name.Value + "' as an error, but that shape is not marked \"exception\": true");
                        }
                        else
                        {
                            errors.Add(name.Value);
                        }
                    }
                    else
                    {
                        _sink.Report(GeneratorDiagnostics.InvalidShape, item, where + ": each error must be an object with a 'shape'");
                    }
                }
            }

            var deprecated = operation.Node.TryGet("deprecated", out var dep) && dep is JsonBool { Value: true };
            var deprecatedMessage = operation.Node.TryGet("deprecatedMessage", out var dm) && dm is JsonString dms ? dms.Value : null;
            customizations.OperationRateLimits.TryGetValue(operation.Name, out var rate);
            result.Add((operation, new OperationSpec(
                _service,
                operation.Name,
                Documentation(operation.Node),
                input?.TypeName,
                input?.Name,
                output?.TypeName,
                errors.ToEquatableArray(),
                null,
                deprecatedMessage,
                deprecated,
                rate) { Traits = ReadRequestTraits(operation, input, where) }));
        }

        return result;
    }

    /// <summary>An operation's input or output must be a plain structure; event streams mark the operation as skipped.</summary>
    private RawShape? CheckOperationShape(string? name, JsonString? node, string where, out bool streams)
    {
        streams = false;
        if (name is null)
        {
            return null;
        }

        if (!_shapes.TryGetValue(name, out var shape))
        {
            _sink.Report(GeneratorDiagnostics.UnknownShape, node, where + " refers to shape '" + name + "', which the model does not define");
            return null;
        }

        if (shape.Type != "structure" || shape.IsException || shape.IsDocument || shape.TypeName is null)
        {
            _sink.Report(GeneratorDiagnostics.InvalidShape, node, where + " must be a structure shape, but '" + name + "' is not");
            return null;
        }

        if (shape.Node["members"] is JsonObject members
            && members.Properties.Any(m => m.Value is JsonObject o && o["shape"] is JsonString s && _shapes.TryGetValue(s.Value, out var t) && t.IsEventStream))
        {
            streams = true;
            return null;
        }

        return shape;
    }
}

/// <summary>An operation as written in the model, indexed before customizations are read.</summary>
internal sealed class RawOperation
{
    public RawOperation(string name, JsonProperty property, JsonObject node, string? inputShape, string? outputShape, JsonString? inputNode, JsonString? outputNode)
    {
        Name = name;
        Property = property;
        Node = node;
        InputShape = inputShape;
        OutputShape = outputShape;
        InputNode = inputNode;
        OutputNode = outputNode;
    }

    public string Name { get; }

    public JsonProperty Property { get; }

    public JsonObject Node { get; }

    public string? InputShape { get; }

    public string? OutputShape { get; }

    public JsonString? InputNode { get; }

    public JsonString? OutputNode { get; }
}
