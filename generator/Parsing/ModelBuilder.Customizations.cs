using System;
using System.Collections.Generic;
using System.Linq;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Input;
using CloudTrailSdk.Generator.Json;
using CloudTrailSdk.Generator.Specs;
using CloudTrailSdk.Rules;

namespace CloudTrailSdk.Generator.Parsing;

internal sealed partial class ModelBuilder
{
    private static readonly HashSet<string> MemberEntryKeys = new(StringComparer.Ordinal)
    {
        "target", "errorCode", "items", "rule", "weightedLength", "count", "default", "allowedValues",
    };

    private static readonly HashSet<string> ShapeRuleNames = new(StringComparer.Ordinal) { "not-after", "mutually-exclusive", "total-count" };

    private Customizations ReadCustomizations(ModelFile file)
    {
        var result = new Customizations();
        var sink = new DiagnosticSink(file.Path, file.Text, _diagnostics);
        var root = ParseRoot(file.Text, sink);
        if (root is null)
        {
            return result;
        }

        var d = GeneratorDiagnostics.InvalidCustomization;
        foreach (var property in root.Properties)
        {
            if (property.Name is not ("version" or "members" or "shapes" or "operations" or "errorCodes" or "$comment"))
            {
                sink.ReportAtName(d, property, "Unknown key '" + property.Name + "'; expected version, members, shapes, operations or errorCodes");
            }
        }

        if (JsonAccess.Number(root, "version", sink, d, "customizations") is { } version && version != 1)
        {
            sink.Report(d, root["version"], "Customizations version " + JsonAccess.Format(version) + " is not supported; expected 1");
            return result;
        }

        foreach (var entry in Entries(root, "members", sink))
        {
            ReadMemberEntry(entry, sink, result);
        }

        foreach (var entry in Entries(root, "errorCodes", sink))
        {
            var member = MemberTarget(entry, sink);
            var code = JsonAccess.String(entry, "errorCode", sink, d, "errorCodes entry", required: true);
            if (member is not null && code is not null)
            {
                result.MemberErrorCodes[member] = code;
            }
        }

        foreach (var entry in Entries(root, "shapes", sink))
        {
            ReadShapeEntry(entry, sink, result);
        }

        foreach (var entry in Entries(root, "operations", sink))
        {
            var target = JsonAccess.String(entry, "target", sink, d, "operations entry", required: true);
            if (target is null)
            {
                continue;
            }

            if (!_operationNodes.TryGetValue(target, out var operation))
            {
                sink.Report(d, entry["target"], "Operation '" + target + "' does not exist in the model");
                continue;
            }

            if (JsonAccess.Number(entry, "rateLimit", sink, d, "operations entry '" + target + "'") is { } rate)
            {
                if (rate <= 0)
                {
                    sink.Report(d, entry["rateLimit"], "rateLimit must be a positive number of requests per second");
                    continue;
                }

                result.OperationRateLimits[target] = rate;
                if (operation.InputShape is { } input)
                {
                    result.InputRateLimits[input] = rate;
                }
            }
        }

        return result;
    }

    private IEnumerable<JsonObject> Entries(JsonObject root, string name, DiagnosticSink sink)
    {
        if (!root.TryGet(name, out var node))
        {
            yield break;
        }

        if (node is not JsonArray array)
        {
            sink.Report(GeneratorDiagnostics.InvalidCustomization, node, "'" + name + "' must be a list of objects");
            yield break;
        }

        foreach (var item in array.Items)
        {
            if (item is JsonObject obj)
            {
                yield return obj;
            }
            else
            {
                sink.Report(GeneratorDiagnostics.InvalidCustomization, item, "Each entry of '" + name + "' must be an object");
            }
        }
    }

    /// <summary>Checks a <c>Shape$Member</c> target against the model; returns it when it names a real member.</summary>
    private string? MemberTarget(JsonObject entry, DiagnosticSink sink)
    {
        var d = GeneratorDiagnostics.InvalidCustomization;
        var target = JsonAccess.String(entry, "target", sink, d, "customization entry", required: true);
        if (target is null)
        {
            return null;
        }

        var split = target.IndexOf('$');
        if (split <= 0 || split == target.Length - 1)
        {
            sink.Report(d, entry["target"], "Target '" + target + "' must have the form Shape$Member");
            return null;
        }

        var shapeName = target.Substring(0, split);
        var memberName = target.Substring(split + 1);
        if (!_shapes.TryGetValue(shapeName, out var shape) || shape.Type != "structure")
        {
            sink.Report(d, entry["target"], "Target '" + target + "': the model has no structure shape '" + shapeName + "'");
            return null;
        }

        if (!(shape.Node.TryGet("members", out var members) && members is JsonObject m && m.TryGet(memberName, out _)))
        {
            sink.Report(d, entry["target"], "Target '" + target + "': shape '" + shapeName + "' has no member '" + memberName + "'");
            return null;
        }

        return target;
    }

    private void ReadMemberEntry(JsonObject entry, DiagnosticSink sink, Customizations result)
    {
        var d = GeneratorDiagnostics.InvalidCustomization;
        foreach (var property in entry.Properties)
        {
            if (!MemberEntryKeys.Contains(property.Name))
            {
                sink.ReportAtName(d, property, "Unknown key '" + property.Name + "' in a members entry; expected one of " + string.Join(", ", MemberEntryKeys));
            }
        }

        var target = MemberTarget(entry, sink);
        if (target is null)
        {
            return;
        }

        var where = "members entry '" + target + "'";
        var errorCode = JsonAccess.String(entry, "errorCode", sink, d, where, required: false);
        var items = JsonAccess.Bool(entry, "items", sink, d, where);
        var rules = new List<ConstraintSpec>();

        if (JsonAccess.String(entry, "rule", sink, d, where, required: false) is { } rule)
        {
            if (NamedRules.IsKnown(rule))
            {
                rules.Add(new ConstraintSpec(ConstraintKind.NamedRule, null, null, rule, EquatableArray<string>.Empty, items, errorCode));
            }
            else
            {
                sink.Report(d, entry["rule"], where + ": unknown rule '" + rule + "'");
            }
        }

        if (JsonAccess.Object(entry, "weightedLength", sink, d, where, required: false) is { } weighted)
        {
            var max = JsonAccess.Number(weighted, "max", sink, d, where + ".weightedLength");
            var doubled = JsonAccess.String(weighted, "doubled", sink, d, where + ".weightedLength", required: true);
            if (max is null)
            {
                sink.Report(d, weighted, where + ".weightedLength needs a numeric 'max'");
            }
            else if (doubled is not null)
            {
                rules.Add(new ConstraintSpec(ConstraintKind.WeightedLength, null, max, doubled, EquatableArray<string>.Empty, items, errorCode));
            }
        }

        if (JsonAccess.Object(entry, "count", sink, d, where, required: false) is { } count)
        {
            var min = JsonAccess.Number(count, "min", sink, d, where + ".count");
            var max = JsonAccess.Number(count, "max", sink, d, where + ".count");
            if (min is null && max is null)
            {
                sink.Report(d, count, where + ".count needs 'min', 'max' or both");
            }
            else
            {
                rules.Add(new ConstraintSpec(ConstraintKind.Count, min, max, null, EquatableArray<string>.Empty, false, errorCode));
            }
        }

        if (JsonAccess.String(entry, "default", sink, d, where, required: false) is { } defaultValue)
        {
            rules.Add(new ConstraintSpec(ConstraintKind.Default, null, null, defaultValue, EquatableArray<string>.Empty, false, errorCode));
        }

        if (entry.TryGet("allowedValues", out var allowedNode))
        {
            if (allowedNode is JsonArray allowed && allowed.Items.All(i => i is JsonString) && allowed.Items.Count > 0)
            {
                var values = allowed.Items.Select(i => ((JsonString)i).Value).ToEquatableArray();
                rules.Add(new ConstraintSpec(ConstraintKind.AllowedValues, null, null, null, values, items, errorCode));
            }
            else
            {
                sink.Report(d, allowedNode, where + ".allowedValues must be a non-empty list of strings");
            }
        }

        if (rules.Count == 0)
        {
            if (errorCode is not null)
            {
                result.MemberErrorCodes[target] = errorCode;
            }
            else
            {
                sink.Report(d, entry, where + " sets no rule (rule, weightedLength, count, default, allowedValues) and no errorCode");
            }

            return;
        }

        if (!result.MemberRules.TryGetValue(target, out var list))
        {
            result.MemberRules[target] = list = new List<ConstraintSpec>();
        }

        list.AddRange(rules);
    }

    private void ReadShapeEntry(JsonObject entry, DiagnosticSink sink, Customizations result)
    {
        var d = GeneratorDiagnostics.InvalidCustomization;
        var target = JsonAccess.String(entry, "target", sink, d, "shapes entry", required: true);
        var rule = JsonAccess.String(entry, "rule", sink, d, "shapes entry", required: true);
        if (target is null || rule is null)
        {
            return;
        }

        var where = "shapes entry '" + target + "'";
        if (!_shapes.TryGetValue(target, out var shape) || shape.Type != "structure")
        {
            sink.Report(d, entry["target"], where + ": the model has no structure shape '" + target + "'");
            return;
        }

        if (rule == AllowedValuesWhenRule.Name)
        {
            ReadAllowedValuesWhen(entry, shape, where, sink, result); // ModelBuilder.ConditionalRules.cs
            return;
        }

        if (!ShapeRuleNames.Contains(rule))
        {
            sink.Report(d, entry["rule"], where + ": unknown rule '" + rule + "'; expected " + string.Join(", ", ShapeRuleNames) + " or " + AllowedValuesWhenRule.Name);
            return;
        }

        var arguments = new List<string>();
        if (entry.TryGet("arguments", out var argsNode) && argsNode is JsonArray args)
        {
            foreach (var arg in args.Items)
            {
                if (arg is not JsonString s)
                {
                    sink.Report(d, arg, where + ": arguments must be strings");
                    return;
                }

                var resolved = ResolveMemberPath(shape, s.Value, out var problem);
                if (resolved is null)
                {
                    sink.Report(d, arg, where + ": " + problem);
                    return;
                }

                arguments.Add(resolved);
            }
        }

        var needed = rule == "total-count" ? 1 : 2;
        if (arguments.Count < needed)
        {
            sink.Report(d, entry, where + ": rule '" + rule + "' needs at least " + needed + " member argument(s)");
            return;
        }

        var limit = JsonAccess.Number(entry, "limit", sink, d, where);
        if (rule == "total-count" && limit is null)
        {
            sink.Report(d, entry, where + ": rule 'total-count' needs a numeric 'limit'");
            return;
        }

        var errorCode = JsonAccess.String(entry, "errorCode", sink, d, where, required: false);
        if (!result.ShapeRules.TryGetValue(target, out var list))
        {
            result.ShapeRules[target] = list = new List<ShapeRuleSpec>();
        }

        list.Add(new ShapeRuleSpec(rule, arguments.ToEquatableArray(), (long)(limit ?? -1), errorCode));
    }

    /// <summary>
    /// Rewrites a wire-name path such as <c>EventSelectors[].DataResources[].Values[]</c> into property names, checking
    /// each step against the model: a typo in the customizations file must fail the build, not skip a rule.
    /// </summary>
    private string? ResolveMemberPath(RawShape shape, string path, out string problem)
    {
        problem = string.Empty;
        var parts = path.Split('.');
        var current = shape;
        var result = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            var isList = parts[i].EndsWith("[]", StringComparison.Ordinal);
            var name = isList ? parts[i].Substring(0, parts[i].Length - 2) : parts[i];
            if (current is null || !(current.Node.TryGet("members", out var members) && members is JsonObject m && m.TryGet(name, out var memberNode))
                || memberNode is not JsonObject member || member["shape"] is not JsonString target || !_shapes.TryGetValue(target.Value, out var next))
            {
                problem = "'" + path + "': shape '" + (current?.Name ?? "?") + "' has no member '" + name + "'";
                return null;
            }

            if (isList)
            {
                if (next.Type != "list" || next.Node["member"] is not JsonObject element || element["shape"] is not JsonString elementShape
                    || !_shapes.TryGetValue(elementShape.Value, out next))
                {
                    problem = "'" + path + "': member '" + name + "' is not a list";
                    return null;
                }
            }
            else if (i < parts.Length - 1 && next.Type != "structure")
            {
                problem = "'" + path + "': member '" + name + "' is not a structure";
                return null;
            }

            result.Add(PropertyName(current.TypeName ?? string.Empty, name) + (isList ? "[]" : string.Empty));
            current = next.Type == "structure" ? next : (i == parts.Length - 1 ? next : null);
        }

        return string.Join(".", result);
    }
}
