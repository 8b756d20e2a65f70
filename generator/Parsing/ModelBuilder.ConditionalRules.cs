using System.Collections.Generic;
using System.Linq;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Json;
using CloudTrailSdk.Generator.Specs;
using CloudTrailSdk.Runtime.Rules;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>
/// The <c>allowed-values-when</c> shape rule of the customizations file: while one member holds a value, another
/// member (a path through lists, e.g. <c>LookupAttributes[].AttributeKey</c>) may hold only some values.
/// <code>
/// { "target": "LookupEventsRequest", "rule": "allowed-values-when",
///   "when": { "member": "EventCategory", "equals": "insight" },
///   "member": "LookupAttributes[].AttributeKey", "values": ["EventId", "EventName", "EventSource"],
///   "errorCode": "InvalidLookupAttributesException" }
/// </code>
/// The spec's arguments are, in order: the condition member, the condition value, the checked path, the allowed values.
/// </summary>
internal sealed partial class ModelBuilder
{
    private void ReadAllowedValuesWhen(JsonObject entry, RawShape shape, string where, DiagnosticSink sink, Customizations result)
    {
        var d = GeneratorDiagnostics.InvalidCustomization;
        var when = JsonAccess.Object(entry, "when", sink, d, where, required: true);
        var path = JsonAccess.String(entry, "member", sink, d, where, required: true);
        if (when is null || path is null)
        {
            return;
        }

        var conditionMember = JsonAccess.String(when, "member", sink, d, where + ".when", required: true);
        var equals = JsonAccess.String(when, "equals", sink, d, where + ".when", required: true);
        if (conditionMember is null || equals is null)
        {
            return;
        }

        if (conditionMember.Contains('.') || conditionMember.Contains('['))
        {
            sink.Report(d, when["member"], where + ": when.member must be a member of '" + shape.Name + "', not a path");
            return;
        }

        var condition = ResolveMemberPath(shape, conditionMember, out _, out var problem);
        if (condition is null)
        {
            sink.Report(d, when["member"], where + ": " + problem);
            return;
        }

        var checkedPath = ResolveMemberPath(shape, path, out _, out problem);
        if (checkedPath is null)
        {
            sink.Report(d, entry["member"], where + ": " + problem);
            return;
        }

        if (checkedPath.EndsWith("[]", System.StringComparison.Ordinal))
        {
            sink.Report(d, entry["member"], where + ": member '" + path + "' must end at a value, not a list");
            return;
        }

        if (!entry.TryGet("values", out var valuesNode) || valuesNode is not JsonArray values || values.Items.Count == 0 || !values.Items.All(i => i is JsonString))
        {
            sink.Report(d, entry.TryGet("values", out var bad) ? bad : entry, where + ": 'values' must be a non-empty list of strings");
            return;
        }

        var arguments = new List<string> { condition, equals, checkedPath };
        arguments.AddRange(values.Items.Select(i => ((JsonString)i).Value));
        var errorCode = JsonAccess.String(entry, "errorCode", sink, d, where, required: false);
        if (!result.ShapeRules.TryGetValue(shape.Name, out var list))
        {
            result.ShapeRules[shape.Name] = list = new List<ShapeRuleSpec>();
        }

        list.Add(new ShapeRuleSpec(AllowedValuesWhenRule.Name, arguments.ToEquatableArray(), -1, errorCode));
    }
}
