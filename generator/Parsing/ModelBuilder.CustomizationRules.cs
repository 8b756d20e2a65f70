using System;
using System.Collections.Generic;
using System.Linq;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Json;
using CloudTrailSdk.Generator.Specs;
using CloudTrailSdk.Runtime.Rules;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>
/// The rule kinds a customizations file may use, one registry each for member entries and for shape entries. A new kind
/// is one reader method (in a partial file of its own if it likes) and one line in the registry below; the entry keys,
/// the error messages and the list of known kinds all come from the registry.
/// </summary>
internal sealed partial class ModelBuilder
{
    /// <summary>What a member rule reader gets: the entry, where to report, and the checked member.</summary>
    private sealed class MemberRuleContext
    {
        public MemberRuleContext(JsonObject entry, JsonNode value, string where, DiagnosticSink sink, bool items, string? errorCode,
            IReadOnlyDictionary<string, string?> namedRules)
        {
            Entry = entry;
            Value = value;
            Where = where;
            Sink = sink;
            Items = items;
            ErrorCode = errorCode;
            NamedRules = namedRules;
        }

        public JsonObject Entry { get; }

        /// <summary>The value of the rule kind's key.</summary>
        public JsonNode Value { get; }

        public string Where { get; }

        public DiagnosticSink Sink { get; }

        public bool Items { get; }

        public string? ErrorCode { get; }

        public IReadOnlyDictionary<string, string?> NamedRules { get; }

        public void Report(JsonNode? node, string message) => Sink.Report(GeneratorDiagnostics.InvalidCustomization, node, Where + ": " + message);
    }

    /// <summary>A member rule kind: its key, which model types it applies to (null: any), and its reader.</summary>
    private sealed class MemberRuleKind
    {
        public MemberRuleKind(string key, string[]? valueTypes, bool itemsAllowed, Func<MemberRuleContext, ConstraintSpec?> read)
        {
            Key = key;
            ValueTypes = valueTypes;
            ItemsAllowed = itemsAllowed;
            Read = read;
        }

        public string Key { get; }

        public string[]? ValueTypes { get; }

        public bool ItemsAllowed { get; }

        public Func<MemberRuleContext, ConstraintSpec?> Read { get; }
    }

    /// <summary>A shape rule kind: its name, how many member arguments it takes, and what else it needs.</summary>
    private sealed class ShapeRuleKind
    {
        public ShapeRuleKind(string name, int minArguments, int maxArguments, bool needsLimit, bool pathArguments, string? argumentType)
        {
            Name = name;
            MinArguments = minArguments;
            MaxArguments = maxArguments;
            NeedsLimit = needsLimit;
            PathArguments = pathArguments;
            ArgumentType = argumentType;
        }

        public string Name { get; }

        public int MinArguments { get; }

        public int MaxArguments { get; }

        public bool NeedsLimit { get; }

        /// <summary>Arguments are paths through lists (<c>A[].B[]</c>) ending in a list, not plain member names.</summary>
        public bool PathArguments { get; }

        /// <summary>The model type every argument must have, or null for any.</summary>
        public string? ArgumentType { get; }
    }

    private static readonly string[] StringType = { "string" };
    private static readonly string[] CollectionTypes = { "list", "map" };

    private static readonly MemberRuleKind[] MemberRuleKinds =
    {
        new("rule", StringType, itemsAllowed: true, ReadNamedRuleKind),
        new("weightedLength", StringType, itemsAllowed: true, ReadWeightedLengthKind),
        new("count", CollectionTypes, itemsAllowed: false, ReadCountKind),
        new("default", null, itemsAllowed: false, ReadDefaultKind),
        new("allowedValues", StringType, itemsAllowed: true, ReadAllowedValuesKind),
    };

    private static readonly ShapeRuleKind[] ShapeRuleKinds =
    {
        new("not-after", 2, 2, needsLimit: false, pathArguments: false, argumentType: "timestamp"),
        new("mutually-exclusive", 2, int.MaxValue, needsLimit: false, pathArguments: false, argumentType: null),
        new("total-count", 1, int.MaxValue, needsLimit: true, pathArguments: true, argumentType: null),
    };

    private static readonly string[] MemberEntryKeys = new[] { "target", "errorCode", "items", "$comment" }.Concat(MemberRuleKinds.Select(k => k.Key)).ToArray();
    private static readonly string[] ShapeEntryKeys = { "target", "rule", "arguments", "limit", "errorCode", "$comment" };

    private void ReadMemberEntry(JsonObject entry, DiagnosticSink sink, Customizations result, IReadOnlyDictionary<string, string?> namedRules, HashSet<string> seen)
    {
        var d = GeneratorDiagnostics.InvalidCustomization;
        CheckKeys(entry, MemberEntryKeys, "a members entry", sink);
        var target = MemberTarget(entry, sink, out var shapeName, out var memberShape);
        if (target is null)
        {
            return;
        }

        var where = "members entry '" + target + "'";
        var errorCode = JsonAccess.String(entry, "errorCode", sink, d, where, required: false);
        if (errorCode is not null && !CheckErrorCode(entry, errorCode, shapeName!, where, sink))
        {
            errorCode = null;
        }

        var items = JsonAccess.Bool(entry, "items", sink, d, where);
        var kinds = MemberRuleKinds.Where(k => entry.TryGet(k.Key, out _)).ToList();
        if (kinds.Count > 1)
        {
            sink.Report(d, entry, where + ": one rule per entry, found " + string.Join(", ", kinds.Select(k => k.Key)) + "; split it into entries");
            return;
        }

        if (kinds.Count == 0)
        {
            if (items)
            {
                sink.Report(d, entry["items"], where + ": 'items' needs a rule to apply to the items");
            }
            else if (errorCode is not null)
            {
                result.MemberErrorCodes[target] = errorCode;
            }
            else if (!entry.TryGet("errorCode", out _))
            {
                sink.Report(d, entry, where + " sets no rule (" + string.Join(", ", MemberRuleKinds.Select(k => k.Key)) + ") and no errorCode");
            }

            return;
        }

        var kind = kinds[0];
        var value = entry[kind.Key]!;
        if (!seen.Add(target + "\n" + kind.Key))
        {
            sink.Report(d, value, where + ": a second '" + kind.Key + "' rule for the same member");
            return;
        }

        var valueShape = memberShape;
        if (items)
        {
            if (!kind.ItemsAllowed)
            {
                sink.Report(d, entry["items"], where + ": '" + kind.Key + "' applies to the member itself, not to its items");
                return;
            }

            if (valueShape is null || valueShape.Type != "list" || valueShape.Node["member"] is not JsonObject element
                || element["shape"] is not JsonString elementName || !_shapes.TryGetValue(elementName.Value, out valueShape))
            {
                sink.Report(d, entry["items"], where + ": 'items' needs a list member; '" + memberShape?.Name + "' is " + (memberShape?.Type ?? "unknown"));
                return;
            }
        }

        if (kind.ValueTypes is { } types && (valueShape is null || !types.Contains(valueShape.Type)))
        {
            sink.Report(d, value, where + ": '" + kind.Key + "' needs a " + string.Join(" or ", types) + " value; '"
                + valueShape?.Name + "' is " + (valueShape?.Type ?? "unknown"));
            return;
        }

        var spec = kind.Read(new MemberRuleContext(entry, value, where, sink, items, errorCode, namedRules));
        if (spec is null)
        {
            return;
        }

        if (!result.MemberRules.TryGetValue(target, out var list))
        {
            result.MemberRules[target] = list = new List<ConstraintSpec>();
        }

        list.Add(spec);
    }

    private static ConstraintSpec? ReadNamedRuleKind(MemberRuleContext c)
    {
        if (c.Value is not JsonString name)
        {
            c.Report(c.Value, "'rule' must be the name of a rule declared in namedRules");
            return null;
        }

        if (!c.NamedRules.TryGetValue(name.Value, out var check))
        {
            c.Report(c.Value, "unknown rule '" + name.Value + "'; namedRules declares "
                + (c.NamedRules.Count == 0 ? "none" : string.Join(", ", c.NamedRules.Keys.OrderBy(k => k, StringComparer.Ordinal)))
                + DidYouMean(name.Value, c.NamedRules.Keys));
            return null;
        }

        return check is null
            ? null // Declared with a broken check, already reported there.
            : new ConstraintSpec(ConstraintKind.NamedRule, null, null, name.Value, EquatableArray<string>.Empty, c.Items, c.ErrorCode, check);
    }

    private static ConstraintSpec? ReadWeightedLengthKind(MemberRuleContext c)
    {
        if (c.Value is not JsonObject weighted)
        {
            c.Report(c.Value, "'weightedLength' must be an object with 'max' and 'doubled'");
            return null;
        }

        CheckKeys(weighted, new[] { "max", "doubled" }, c.Where + ".weightedLength", c.Sink);
        var max = NonNegativeInteger(weighted, "max", c);
        var doubled = JsonAccess.String(weighted, "doubled", c.Sink, GeneratorDiagnostics.InvalidCustomization, c.Where + ".weightedLength", required: true);
        if (max is null)
        {
            if (!weighted.TryGet("max", out _))
            {
                c.Report(weighted, "weightedLength needs a 'max'");
            }

            return null;
        }

        return doubled is null ? null : new ConstraintSpec(ConstraintKind.WeightedLength, null, max, doubled, EquatableArray<string>.Empty, c.Items, c.ErrorCode);
    }

    private static ConstraintSpec? ReadCountKind(MemberRuleContext c)
    {
        if (c.Value is not JsonObject count)
        {
            c.Report(c.Value, "'count' must be an object with 'min', 'max' or both");
            return null;
        }

        CheckKeys(count, new[] { "min", "max" }, c.Where + ".count", c.Sink);
        var min = NonNegativeInteger(count, "min", c);
        var max = NonNegativeInteger(count, "max", c);
        if (min is null && max is null)
        {
            c.Report(count, "count needs 'min', 'max' or both");
            return null;
        }

        if (min > max)
        {
            c.Report(count, "count.min " + JsonAccess.Format(min.Value) + " is above count.max " + JsonAccess.Format(max!.Value));
            return null;
        }

        return new ConstraintSpec(ConstraintKind.Count, min, max, null, EquatableArray<string>.Empty, false, c.ErrorCode);
    }

    private static ConstraintSpec? ReadDefaultKind(MemberRuleContext c)
    {
        if (c.Value is not JsonString value)
        {
            c.Report(c.Value, "'default' must be a string (the value as it is written on the wire)");
            return null;
        }

        return new ConstraintSpec(ConstraintKind.Default, null, null, value.Value, EquatableArray<string>.Empty, false, c.ErrorCode);
    }

    private static ConstraintSpec? ReadAllowedValuesKind(MemberRuleContext c)
    {
        if (c.Value is not JsonArray allowed || allowed.Items.Count == 0 || !allowed.Items.All(i => i is JsonString))
        {
            c.Report(c.Value, "'allowedValues' must be a non-empty list of strings");
            return null;
        }

        var values = allowed.Items.Select(i => ((JsonString)i).Value).ToList();
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            c.Report(c.Value, "'allowedValues' lists a value twice");
            return null;
        }

        return new ConstraintSpec(ConstraintKind.AllowedValues, null, null, null, values.ToEquatableArray(), c.Items, c.ErrorCode);
    }

    private static double? NonNegativeInteger(JsonObject parent, string key, MemberRuleContext c)
    {
        var number = JsonAccess.Number(parent, key, c.Sink, GeneratorDiagnostics.InvalidCustomization, c.Where);
        if (number is { } n && (n < 0 || Math.Floor(n) != n))
        {
            c.Report(parent[key], key + " must be a non-negative integer");
            return null;
        }

        return number;
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
            sink.Report(d, entry["target"], where + ": the model has no structure shape '" + target + "'"
                + DidYouMean(target, _shapes.Values.Where(s => s.Type == "structure").Select(s => s.Name)));
            return;
        }

        // A conditional rule has keys of its own (when, member, values); ModelBuilder.ConditionalRules.cs reads and checks them.
        if (rule == AllowedValuesWhenRule.Name)
        {
            ReadAllowedValuesWhen(entry, shape, where, sink, result);
            return;
        }

        CheckKeys(entry, ShapeEntryKeys, "a shapes entry", sink);
        var kind = ShapeRuleKinds.FirstOrDefault(k => k.Name == rule);
        if (kind is null)
        {
            var known = ShapeRuleKinds.Select(k => k.Name).Append(AllowedValuesWhenRule.Name);
            sink.Report(d, entry["rule"], where + ": unknown rule '" + rule + "'; expected " + string.Join(", ", known) + DidYouMean(rule, known));
            return;
        }

        if (!entry.TryGet("arguments", out var argsNode) || argsNode is not JsonArray args)
        {
            sink.Report(d, argsNode ?? entry, where + ": 'arguments' must be a list of member names");
            return;
        }

        var arguments = new List<string>();
        foreach (var arg in args.Items)
        {
            if (arg is not JsonString s)
            {
                sink.Report(d, arg, where + ": arguments must be strings");
                return;
            }

            if (kind.PathArguments && !s.Value.EndsWith("[]", StringComparison.Ordinal))
            {
                sink.Report(d, arg, where + ": '" + s.Value + "' must end in [] (rule '" + rule + "' counts list items)");
                return;
            }

            if (!kind.PathArguments && s.Value.IndexOfAny(new[] { '.', '[' }) >= 0)
            {
                sink.Report(d, arg, where + ": rule '" + rule + "' takes member names of '" + target + "', not paths");
                return;
            }

            var resolved = ResolveMemberPath(shape, s.Value, out var argumentShape, out var problem);
            if (resolved is null)
            {
                sink.Report(d, arg, where + ": " + problem);
                return;
            }

            if (kind.ArgumentType is { } type && argumentShape?.Type != type)
            {
                sink.Report(d, arg, where + ": rule '" + rule + "' needs " + type + " members; '" + s.Value + "' is " + (argumentShape?.Type ?? "unknown"));
                return;
            }

            arguments.Add(resolved);
        }

        if (arguments.Count < kind.MinArguments || arguments.Count > kind.MaxArguments)
        {
            sink.Report(d, argsNode, where + ": rule '" + rule + "' takes "
                + (kind.MinArguments == kind.MaxArguments ? "exactly " + kind.MinArguments : "at least " + kind.MinArguments)
                + " member argument(s), found " + arguments.Count);
            return;
        }

        var limit = JsonAccess.Number(entry, "limit", sink, d, where);
        if (kind.NeedsLimit && (limit is null || limit < 0 || Math.Floor(limit.Value) != limit.Value))
        {
            sink.Report(d, entry["limit"] ?? entry, where + ": rule '" + rule + "' needs a non-negative integer 'limit'");
            return;
        }

        if (!kind.NeedsLimit && entry.TryGet("limit", out var stray))
        {
            sink.Report(d, stray, where + ": 'limit' applies only to rules that count (" + string.Join(", ", ShapeRuleKinds.Where(k => k.NeedsLimit).Select(k => k.Name)) + ")");
            return;
        }

        var errorCode = JsonAccess.String(entry, "errorCode", sink, d, where, required: false);
        if (errorCode is not null && !CheckErrorCode(entry, errorCode, target, where, sink))
        {
            return;
        }

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
    private string? ResolveMemberPath(RawShape shape, string path, out RawShape? last, out string problem)
    {
        problem = string.Empty;
        last = null;
        var parts = path.Split('.');
        RawShape? current = shape;
        var result = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            var isList = parts[i].EndsWith("[]", StringComparison.Ordinal);
            var name = isList ? parts[i].Substring(0, parts[i].Length - 2) : parts[i];
            if (current is null || !(current.Node.TryGet("members", out var members) && members is JsonObject m && m.TryGet(name, out var memberNode))
                || memberNode is not JsonObject member || member["shape"] is not JsonString target || !_shapes.TryGetValue(target.Value, out var next))
            {
                var known = current is not null && current.Node.TryGet("members", out var ms) && ms is JsonObject mo ? mo.Properties.Select(p => p.Name) : Enumerable.Empty<string>();
                problem = "'" + path + "': shape '" + (current?.Name ?? "?") + "' has no member '" + name + "'" + DidYouMean(name, known);
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
            last = next;
            current = next.Type == "structure" ? next : (i == parts.Length - 1 ? next : null);
        }

        return string.Join(".", result);
    }
}
