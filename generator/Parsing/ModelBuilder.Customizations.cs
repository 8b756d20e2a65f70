using System;
using System.Collections.Generic;
using System.Linq;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Input;
using CloudTrailSdk.Generator.Json;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>
/// Reads and checks the customizations file: the one checker of its schema (derive.py only derives the model). Every
/// problem is a positioned CTGEN008 at the offending key or value. The rule kinds live in
/// <c>ModelBuilder.CustomizationRules.cs</c>.
/// </summary>
internal sealed partial class ModelBuilder
{
    private static readonly string[] TopLevelKeys = { "version", "namedRules", "members", "shapes", "operations", "errorCodes", "$comment" };
    private static readonly string[] NamedRuleKeys = { "name", "check" };
    private static readonly string[] OperationEntryKeys = { "target", "rateLimit" };
    private static readonly string[] ErrorCodeEntryKeys = { "target", "errorCode" };

    private Dictionary<string, List<string>>? _operationsByReachableShape;

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
        CheckKeys(root, TopLevelKeys, "the customizations file", sink);

        if (!root.TryGet("version", out var versionNode))
        {
            sink.Report(d, root, "The customizations file has no 'version'; expected 1");
        }
        else if (JsonAccess.Number(root, "version", sink, d, "customizations") is { } version && version != 1)
        {
            sink.Report(d, versionNode, "Customizations version " + JsonAccess.Format(version) + " is not supported; expected 1");
            return result;
        }

        var namedRules = ReadNamedRules(root, sink);

        var seenMembers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Entries(root, "members", sink))
        {
            ReadMemberEntry(entry, sink, result, namedRules, seenMembers);
        }

        var seenErrorCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Entries(root, "errorCodes", sink))
        {
            CheckKeys(entry, ErrorCodeEntryKeys, "an errorCodes entry", sink);
            var member = MemberTarget(entry, sink, out var shapeName, out _);
            var code = JsonAccess.String(entry, "errorCode", sink, d, "errorCodes entry", required: true);
            if (member is null || code is null)
            {
                continue;
            }

            if (!seenErrorCodes.Add(member))
            {
                sink.Report(d, entry["target"], "errorCodes entry '" + member + "' is a duplicate: each member gets one error code");
                continue;
            }

            if (CheckErrorCode(entry, code, shapeName!, "errorCodes entry '" + member + "'", sink))
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
            ReadOperationEntry(entry, sink, result);
        }

        return result;
    }

    /// <summary>
    /// The <c>namedRules</c> section: each rule AWS states only in prose gets a name (what members entries and the
    /// <c>[AwsRule]</c> attribute say) and the fully qualified static method that checks it (string in, message or null
    /// out). The generator knows no rule itself, so a service's rules stay in that service's SDK.
    /// </summary>
    private Dictionary<string, string?> ReadNamedRules(JsonObject root, DiagnosticSink sink)
    {
        var d = GeneratorDiagnostics.InvalidCustomization;
        // A rule declared with a broken check maps to null: members naming it are not reported a second time.
        var rules = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in Entries(root, "namedRules", sink))
        {
            CheckKeys(entry, NamedRuleKeys, "a namedRules entry", sink);
            var name = JsonAccess.String(entry, "name", sink, d, "namedRules entry", required: true);
            var check = JsonAccess.String(entry, "check", sink, d, "namedRules entry", required: true);
            if (name is null || check is null)
            {
                continue;
            }

            if (name.Length == 0 || name.Any(c => !(char.IsLetterOrDigit(c) || c == '-')))
            {
                sink.Report(d, entry["name"], "Named rule '" + name + "': a name is letters, digits and '-'");
            }
            else if (rules.ContainsKey(name))
            {
                sink.Report(d, entry["name"], "Named rule '" + name + "' is declared twice");
            }
            else if (!IsQualifiedMethod(check))
            {
                sink.Report(d, entry["check"], "Named rule '" + name + "': check '" + check
                    + "' must be a fully qualified static method such as MyCompany.Rules.NameRule.Check");
                rules[name] = null;
            }
            else
            {
                rules[name] = check;
            }
        }

        return rules;
    }

    private static bool IsQualifiedMethod(string text)
    {
        var parts = text.Split('.');
        return parts.Length >= 2 && parts.All(p => p.Length > 0 && (char.IsLetter(p[0]) || p[0] == '_') && p.All(c => char.IsLetterOrDigit(c) || c == '_'));
    }

    private void ReadOperationEntry(JsonObject entry, DiagnosticSink sink, Customizations result)
    {
        var d = GeneratorDiagnostics.InvalidCustomization;
        CheckKeys(entry, OperationEntryKeys, "an operations entry", sink);
        var target = JsonAccess.String(entry, "target", sink, d, "operations entry", required: true);
        if (target is null)
        {
            return;
        }

        if (!_operationNodes.TryGetValue(target, out var operation))
        {
            sink.Report(d, entry["target"], "Operation '" + target + "' does not exist in the model" + DidYouMean(target, _operationNodes.Keys));
            return;
        }

        if (JsonAccess.Number(entry, "rateLimit", sink, d, "operations entry '" + target + "'") is { } rate)
        {
            if (rate <= 0)
            {
                sink.Report(d, entry["rateLimit"], "rateLimit must be a positive number of requests per second");
                return;
            }

            result.OperationRateLimits[target] = rate;
            if (operation.InputShape is { } input)
            {
                result.InputRateLimits[input] = rate;
            }
        }
        else if (!entry.TryGet("rateLimit", out _))
        {
            sink.Report(d, entry, "operations entry '" + target + "' sets nothing; expected 'rateLimit'");
        }
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

    private static void CheckKeys(JsonObject entry, IReadOnlyCollection<string> allowed, string what, DiagnosticSink sink)
    {
        foreach (var property in entry.Properties)
        {
            if (!allowed.Contains(property.Name))
            {
                sink.ReportAtName(GeneratorDiagnostics.InvalidCustomization, property,
                    "Unknown key '" + property.Name + "' in " + what + "; expected one of " + string.Join(", ", allowed.Where(k => k != "$comment")));
            }
        }
    }

    /// <summary>Checks a <c>Shape$Member</c> target against the model; returns it when it names a real member.</summary>
    private string? MemberTarget(JsonObject entry, DiagnosticSink sink, out string? shapeName, out RawShape? memberShape)
    {
        var d = GeneratorDiagnostics.InvalidCustomization;
        shapeName = null;
        memberShape = null;
        var target = JsonAccess.String(entry, "target", sink, d, "customization entry", required: true);
        if (target is null)
        {
            return null;
        }

        var split = target.IndexOf('$');
        if (split <= 0 || split == target.Length - 1 || target.IndexOf('$', split + 1) >= 0)
        {
            sink.Report(d, entry["target"], "Target '" + target + "' must have the form Shape$Member");
            return null;
        }

        var structure = target.Substring(0, split);
        var memberName = target.Substring(split + 1);
        if (!_shapes.TryGetValue(structure, out var shape) || shape.Type != "structure")
        {
            sink.Report(d, entry["target"], "Target '" + target + "': the model has no structure shape '" + structure + "'"
                + DidYouMean(structure, _shapes.Values.Where(s => s.Type == "structure").Select(s => s.Name)));
            return null;
        }

        var members = shape.Node.TryGet("members", out var m) ? m as JsonObject : null;
        if (members is null || !members.TryGet(memberName, out var memberNode))
        {
            sink.Report(d, entry["target"], "Target '" + target + "': shape '" + structure + "' has no member '" + memberName + "'"
                + DidYouMean(memberName, members?.Properties.Select(p => p.Name) ?? Enumerable.Empty<string>()));
            return null;
        }

        shapeName = structure;
        if (memberNode is JsonObject member && member["shape"] is JsonString s && _shapes.TryGetValue(s.Value, out var resolved))
        {
            memberShape = resolved;
        }

        return target;
    }

    /// <summary>
    /// An error code must be an exception shape that an operation taking <paramref name="shapeName"/> (directly or
    /// nested) lists among its errors: otherwise the fake would answer with an error the service never returns there.
    /// </summary>
    private bool CheckErrorCode(JsonObject entry, string code, string shapeName, string where, DiagnosticSink sink)
    {
        var d = GeneratorDiagnostics.InvalidCustomization;
        if (!_shapes.TryGetValue(code, out var error) || !error.IsException)
        {
            sink.Report(d, entry["errorCode"], where + ": errorCode '" + code + "' is not an exception shape in the model"
                + DidYouMean(code, _shapes.Values.Where(s => s.IsException).Select(s => s.Name)));
            return false;
        }

        var users = OperationsTaking(shapeName);
        if (users.Count > 0 && !users.Any(op => OperationErrors(op).Contains(code)))
        {
            sink.Report(d, entry["errorCode"], where + ": errorCode '" + code + "' is not among the errors of "
                + string.Join(", ", users.OrderBy(u => u, StringComparer.Ordinal)));
            return false;
        }

        return true;
    }

    private List<string> OperationsTaking(string shapeName)
    {
        if (_operationsByReachableShape is null)
        {
            _operationsByReachableShape = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var operation in _operationNodes.Values)
            {
                if (operation.InputShape is null)
                {
                    continue;
                }

                foreach (var reached in Reachable(operation.InputShape))
                {
                    if (!_operationsByReachableShape.TryGetValue(reached, out var list))
                    {
                        _operationsByReachableShape[reached] = list = new List<string>();
                    }

                    list.Add(operation.Name);
                }
            }
        }

        return _operationsByReachableShape.TryGetValue(shapeName, out var users) ? users : new List<string>();
    }

    private HashSet<string> Reachable(string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<string>();
        todo.Push(start);
        while (todo.Count > 0)
        {
            var name = todo.Pop();
            if (!_shapes.TryGetValue(name, out var shape) || !seen.Add(name))
            {
                continue;
            }

            if (shape.Node.TryGet("members", out var members) && members is JsonObject m)
            {
                foreach (var property in m.Properties)
                {
                    if (property.Value is JsonObject member && member["shape"] is JsonString s)
                    {
                        todo.Push(s.Value);
                    }
                }
            }

            foreach (var key in new[] { "member", "key", "value" })
            {
                if (shape.Node.TryGet(key, out var target) && target is JsonObject t && t["shape"] is JsonString s)
                {
                    todo.Push(s.Value);
                }
            }
        }

        return seen;
    }

    private HashSet<string> OperationErrors(string operation)
    {
        var errors = new HashSet<string>(StringComparer.Ordinal);
        if (_operationNodes.TryGetValue(operation, out var op) && op.Node.TryGet("errors", out var list) && list is JsonArray array)
        {
            foreach (var item in array.Items)
            {
                if (item is JsonObject e && e["shape"] is JsonString s)
                {
                    errors.Add(s.Value);
                }
            }
        }

        return errors;
    }

    /// <summary>" (did you mean 'X'?)" for the closest candidate within a small edit distance, else empty.</summary>
    private static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, name.Length / 4) ? " (did you mean '" + best + "'?)" : string.Empty;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
