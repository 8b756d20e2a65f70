using System;
using System.Collections.Generic;
using System.Linq;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Json;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>
/// An operation's request traits: <c>endpoint.hostPrefix</c> (with <c>{Label}</c> placeholders naming input members
/// marked <c>hostLabel</c>) and <c>requestcompression</c>. A template the runtime could not expand is an error here,
/// at the template, rather than a failure on the user's first call.
/// </summary>
internal sealed partial class ModelBuilder
{
    private RequestTraitsSpec? ReadRequestTraits(RawOperation operation, RawShape? input, string where)
    {
        var hostPrefix = ReadHostPrefix(operation, input, where, out var labels);
        var compression = ReadRequestCompression(operation, where);
        return hostPrefix is null && !compression ? null : new RequestTraitsSpec(hostPrefix, labels.ToEquatableArray(), compression);
    }

    private string? ReadHostPrefix(RawOperation operation, RawShape? input, string where, out List<HostLabelSpec> labels)
    {
        labels = new List<HostLabelSpec>();
        if (JsonAccess.Object(operation.Node, "endpoint", _sink, GeneratorDiagnostics.InvalidShape, where, required: false) is not { } endpoint
            || !endpoint.TryGet("hostPrefix", out var node))
        {
            return null;
        }

        if (node is not JsonString { Value.Length: > 0 } template)
        {
            _sink.Report(GeneratorDiagnostics.InvalidShape, node, where + ": endpoint.hostPrefix must be a non-empty string");
            return null;
        }

        var hostLabels = HostLabelMembers(input);
        var text = template.Value;
        var ok = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{')
            {
                var close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    _sink.Report(GeneratorDiagnostics.InvalidShape, template, where + ": endpoint.hostPrefix '" + text + "' has a '{' with no '}'");
                    return null;
                }

                var name = text.Substring(i + 1, close - i - 1);
                if (!hostLabels.Contains(name))
                {
                    _sink.Report(GeneratorDiagnostics.InvalidShape, template, where + ": endpoint.hostPrefix '" + text + "' names {" + name + "}, but "
                        + (input is null ? "the operation has no input" : "input shape '" + input.Name + "' has no string member '" + name + "' marked \"hostLabel\": true"));
                    ok = false;
                }
                else if (!labels.Any(l => l.Name == name))
                {
                    labels.Add(new HostLabelSpec(name, PropertyName(input!.TypeName!, name)));
                }

                i = close;
            }
            else if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.'))
            {
                _sink.Report(GeneratorDiagnostics.InvalidShape, template, where + ": endpoint.hostPrefix '" + text + "' holds '" + c + "'; outside {labels} only letters, digits, '-' and '.' can be part of a host name");
                return null;
            }
        }

        return ok ? text : null;
    }

    /// <summary>The input's members marked <c>hostLabel</c> whose shape is a plain string: the only values a host name can take.</summary>
    private HashSet<string> HostLabelMembers(RawShape? input)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (input?.Node["members"] is not JsonObject members)
        {
            return result;
        }

        foreach (var member in members.Properties)
        {
            if (member.Value is not JsonObject node || !node.TryGet("hostLabel", out var flag) || flag is not JsonBool { Value: true })
            {
                continue;
            }

            if (node["shape"] is JsonString target && _shapes.TryGetValue(target.Value, out var shape) && shape.Type == "string" && !shape.HasEnum)
            {
                result.Add(member.Name);
            }
            else
            {
                _sink.ReportAtName(GeneratorDiagnostics.InvalidShape, member, "Shape '" + input.Name + "' member '" + member.Name + "' is marked \"hostLabel\", but only a plain string member can be part of a host name");
            }
        }

        return result;
    }

    private bool ReadRequestCompression(RawOperation operation, string where)
    {
        if (!operation.Node.TryGet("requestcompression", out var node))
        {
            return false;
        }

        if (node is not JsonObject trait || trait["encodings"] is not JsonArray encodings || encodings.Items.Any(e => e is not JsonString))
        {
            _sink.Report(GeneratorDiagnostics.InvalidShape, node, where + ": requestcompression must be an object whose 'encodings' is a list of strings");
            return false;
        }

        // Encodings other than gzip are left to SDKs that know them, as every AWS SDK does with ones it does not.
        return encodings.Items.OfType<JsonString>().Any(e => string.Equals(e.Value, "gzip", StringComparison.OrdinalIgnoreCase));
    }
}
