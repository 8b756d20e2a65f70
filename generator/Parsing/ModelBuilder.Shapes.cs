using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Json;
using CloudTrailSdk.Generator.Naming;
using CloudTrailSdk.Generator.Specs;
using CloudTrailSdk.Runtime.Rules;

namespace CloudTrailSdk.Generator.Parsing;

internal sealed partial class ModelBuilder
{
    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        "string", "boolean", "integer", "long", "float", "double", "timestamp", "blob", "structure", "list", "map",
    };

    // Names a generated record or exception already has; a member with one of them would not compile.
    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct", "PrintMembers", "MemberwiseClone",
        "Message", "Data", "Source", "StackTrace", "InnerException", "HResult", "HelpLink", "TargetSite", "ErrorCode",
        "StatusCode", "RequestId", "GetBaseException", "GetObjectData", "Code", "DefaultStatusCode", "WriteMembers",
        "WriteBody", "Service", "FromError", "ReadMembers",
    };

    // What a generated string enum already declares, or inherits from ValueType and object.
    private static readonly HashSet<string> ReservedEnumValueNames = new(StringComparer.Ordinal)
    {
        "Value", "IsKnown", "KnownValues", "KnownValueStrings", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    /// <summary>
    /// How deep lists and maps may nest inside one another. Real models stay under 5; the limit keeps a hostile or
    /// broken model from overflowing the compiler's stack (resolution recurses once per level) or from producing
    /// type names whose length grows with the square of the depth.
    /// </summary>
    internal const int MaxNesting = 64;

    private readonly Dictionary<string, TypeRef?> _resolved = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);
    private bool _reportedTooDeep;

    private void ReadShapes(JsonObject shapes)
    {
        foreach (var property in shapes.Properties)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (property.Value is not JsonObject node)
            {
                _sink.Report(GeneratorDiagnostics.InvalidShape, property.Value, "Shape '" + property.Name + "' must be an object");
                continue;
            }

            var type = JsonAccess.String(node, "type", _sink, GeneratorDiagnostics.InvalidShape, "Shape '" + property.Name + "'", required: true);
            if (type is null)
            {
                continue;
            }

            if (!KnownTypes.Contains(type))
            {
                _sink.Report(GeneratorDiagnostics.InvalidShape, node["type"],
                    "Shape '" + property.Name + "' has type '" + type + "', which this generator does not know (expected one of: " + string.Join(", ", KnownTypes.OrderBy(t => t, StringComparer.Ordinal)) + ")");
                continue;
            }

            _shapes[property.Name] = new RawShape(property.Name, property, node, type);
        }
    }

    /// <summary>Resolves every shape, used or not, so that a broken reference or constraint anywhere is reported.</summary>
    private void ResolveAllShapes()
    {
        foreach (var shape in _shapes.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            Resolve(shape.Name, shape.Node, "Shape '" + shape.Name + "'");
        }
    }

    private void AssignTypeNames(JsonObject operations)
    {
        // Names the generator declares in the service namespace: a shape that would take one gets a suffix instead.
        var reserved = new HashSet<string>(StringComparer.Ordinal)
        {
            _service.ClientClassName, _service.InterfaceName, _service.ExceptionBaseName, _service.PaginatorsClassName,
            "Serialization", "Validation", "Server",
        };
        foreach (var operation in operations.Properties)
        {
            reserved.Add(operation.Name + "Paginator");
        }

        var taken = new HashSet<string>(_shapes.Keys.Select(Identifiers.Pascal), StringComparer.Ordinal);
        var owners = new Dictionary<string, RawShape>(StringComparer.Ordinal);
        foreach (var shape in _shapes.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var becomesType = shape.HasEnum || (shape.Type == "structure" && !shape.IsDocument && !shape.IsEventStream);
            if (!becomesType)
            {
                continue;
            }

            var name = Identifiers.Pascal(shape.Name);
            if (name.Length == 0)
            {
                _sink.ReportAtName(GeneratorDiagnostics.NameClash, shape.Property, "Shape name '" + shape.Name + "' has no letters or digits to make a C# type name from");
                continue;
            }

            if (reserved.Contains(name))
            {
                var renamed = name + "Shape";
                for (var n = 2; reserved.Contains(renamed) || taken.Contains(renamed); n++)
                {
                    renamed = name + "Shape" + n.ToString(CultureInfo.InvariantCulture);
                }

                taken.Add(renamed);
                name = renamed;
            }

            if (owners.TryGetValue(name, out var first))
            {
                _sink.ReportAtName(GeneratorDiagnostics.NameClash, shape.Property, "Shapes '" + first.Name + "' and '" + shape.Name + "' both become the C# type '" + name + "'");
                continue;
            }

            owners[name] = shape;
            shape.TypeName = name;
        }
    }

    /// <summary>Resolves a shape reference to a type. Returns null (after reporting) when it cannot be used.</summary>
    private TypeRef? Resolve(string shapeName, JsonNode referenceNode, string referrer)
    {
        if (_resolved.TryGetValue(shapeName, out var known))
        {
            return known;
        }

        if (!_shapes.TryGetValue(shapeName, out var shape))
        {
            _sink.Report(GeneratorDiagnostics.UnknownShape, referenceNode, referrer + " refers to shape '" + shapeName + "', which the model does not define");
            return null;
        }

        if (_resolving.Count >= MaxNesting)
        {
            // Reported once: every shape above this one in the chain fails with it, and repeating it would only bury it.
            if (!_reportedTooDeep)
            {
                _reportedTooDeep = true;
                _sink.ReportAtName(GeneratorDiagnostics.InvalidShape, shape.Property,
                    "Shape '" + shapeName + "' is nested more than " + MaxNesting.ToString(CultureInfo.InvariantCulture) + " lists or maps deep (reached from " + referrer + "); this generator stops there");
            }

            _resolved[shapeName] = null;
            return null;
        }

        if (!_resolving.Add(shapeName))
        {
            _sink.ReportAtName(GeneratorDiagnostics.RecursiveShape, shape.Property,
                "Shape '" + shapeName + "' contains itself only through lists or maps; a structure must sit somewhere in the cycle");
            _resolved[shapeName] = null;
            return null;
        }

        try
        {
            var result = ResolveShape(shape);
            _resolved[shapeName] = result;
            return result;
        }
        finally
        {
            _resolving.Remove(shapeName);
        }
    }

    private TypeRef? ResolveShape(RawShape shape)
    {
        var where = "Shape '" + shape.Name + "'";
        var constraints = ReadConstraints(shape, where);
        switch (shape.Type)
        {
            case "string" when shape.HasEnum:
                return shape.TypeName is null ? null : new TypeRef(TypeKind.Enum, shape.Name, _service.Namespace + "." + shape.TypeName, null, null, constraints);
            case "string":
                return Scalar(TypeKind.String);
            case "boolean":
                return Scalar(TypeKind.Boolean);
            case "integer":
                return Scalar(TypeKind.Integer);
            case "long":
                return Scalar(TypeKind.Long);
            case "float":
                return Scalar(TypeKind.Float);
            case "double":
                return Scalar(TypeKind.Double);
            case "timestamp":
                return Scalar(TypeKind.Timestamp) with { TimestampFormat = ReadTimestampFormat(shape.Node, where) };
            case "blob":
                return Scalar(TypeKind.Blob);
            case "structure" when shape.IsDocument:
                return Scalar(TypeKind.Document);
            case "structure" when shape.IsEventStream:
                return null;
            case "structure":
                return shape.TypeName is null ? null : new TypeRef(TypeKind.Structure, shape.Name, _service.Namespace + "." + shape.TypeName, null, null, constraints);
            case "list":
                {
                    var element = ResolveChild(shape, "member", where);
                    return element is null ? null : new TypeRef(TypeKind.List, shape.Name, null, element, null, constraints);
                }

            case "map":
                {
                    var key = ResolveChild(shape, "key", where);
                    var value = ResolveChild(shape, "value", where);
                    if (key is null || value is null)
                    {
                        return null;
                    }

                    if (key.Kind is not (TypeKind.String or TypeKind.Enum))
                    {
                        _sink.Report(GeneratorDiagnostics.InvalidShape, shape.Node["key"], where + " is a map whose key is not a string");
                        return null;
                    }

                    return new TypeRef(TypeKind.Map, shape.Name, null, value, key, constraints);
                }

            default:
                return null;
        }

        TypeRef Scalar(TypeKind kind) => new(kind, shape.Name, null, null, null, constraints);
    }

    private static readonly HashSet<string> TimestampFormats = new(StringComparer.Ordinal) { "iso8601", "rfc822", "unixTimestamp" };

    private string? ReadTimestampFormat(JsonObject node, string where)
    {
        var format = JsonAccess.String(node, "timestampFormat", _sink, GeneratorDiagnostics.InvalidShape, where, required: false);
        if (format is null || TimestampFormats.Contains(format))
        {
            return format;
        }

        _sink.Report(GeneratorDiagnostics.InvalidShape, node["timestampFormat"], where + " has timestampFormat '" + format + "'; expected iso8601, rfc822 or unixTimestamp");
        return null;
    }

    private TypeRef? ResolveChild(RawShape shape, string slot, string where)
    {
        var child = JsonAccess.Object(shape.Node, slot, _sink, GeneratorDiagnostics.InvalidShape, where, required: true);
        if (child is null)
        {
            return null;
        }

        var target = JsonAccess.String(child, "shape", _sink, GeneratorDiagnostics.InvalidShape, where + "." + slot, required: true);
        return target is null ? null : Resolve(target, child["shape"]!, where + "." + slot);
    }

    private EquatableArray<ConstraintSpec> ReadConstraints(RawShape shape, string where)
    {
        var min = JsonAccess.Number(shape.Node, "min", _sink, GeneratorDiagnostics.InvalidShape, where);
        var max = JsonAccess.Number(shape.Node, "max", _sink, GeneratorDiagnostics.InvalidShape, where);
        var list = new List<ConstraintSpec>();
        if (min is not null || max is not null)
        {
            if (min is { } lo && max is { } hi && lo > hi)
            {
                _sink.Report(GeneratorDiagnostics.InvalidShape, shape.Node, where + " has min " + JsonAccess.Format(lo) + " above max " + JsonAccess.Format(hi));
            }

            var kind = shape.Type switch
            {
                "string" or "blob" => ConstraintKind.Length,
                "list" or "map" => ConstraintKind.Count,
                "integer" or "long" or "float" or "double" => ConstraintKind.Range,
                _ => (ConstraintKind?)null,
            };
            if (kind is { } k)
            {
                list.Add(ConstraintSpec.Bounds(k, min, max));
            }
        }

        if (shape.Type == "string" && shape.Node.TryGet("pattern", out var patternNode))
        {
            if (patternNode is not JsonString pattern)
            {
                _sink.Report(GeneratorDiagnostics.InvalidShape, patternNode, where + ".pattern must be a string");
            }
            else if (!PatternRule.IsValidPattern(PatternTranslator.ToDotNet(pattern.Value), out var error))
            {
                _sink.Report(GeneratorDiagnostics.InvalidPattern, patternNode, where + " has pattern that .NET cannot compile (" + error + "); the pattern is not checked");
            }
            else
            {
                list.Add(ConstraintSpec.WithText(ConstraintKind.Pattern, PatternTranslator.ToDotNet(pattern.Value)));
            }
        }

        return list.ToEquatableArray();
    }

    private List<StructureSpec> BuildStructures(Customizations customizations)
    {
        var result = new List<StructureSpec>();
        foreach (var shape in _shapes.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (shape.Type != "structure" || shape.IsException || shape.IsDocument || shape.IsEventStream || shape.TypeName is null)
            {
                continue;
            }

            var members = BuildMembers(shape, customizations, shape.TypeName);
            var rules = customizations.ShapeRules.TryGetValue(shape.Name, out var r) ? r.ToEquatableArray() : EquatableArray<ShapeRuleSpec>.Empty;
            customizations.InputRateLimits.TryGetValue(shape.Name, out var rate);
            result.Add(new StructureSpec(_service, shape.Name, shape.TypeName, Documentation(shape.Node), members, rules, rate, shape.IsUnion));
        }

        return result;
    }

    private EquatableArray<MemberSpec> BuildMembers(RawShape shape, Customizations customizations, string ownerTypeName, Func<string, bool>? skip = null)
    {
        var where = "Shape '" + shape.Name + "'";
        var membersNode = JsonAccess.Object(shape.Node, "members", _sink, GeneratorDiagnostics.InvalidShape, where, required: true);
        if (membersNode is null)
        {
            return EquatableArray<MemberSpec>.Empty;
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (shape.Node.TryGet("required", out var requiredNode))
        {
            if (requiredNode is JsonArray array)
            {
                foreach (var item in array.Items)
                {
                    if (item is JsonString s && membersNode.TryGet(s.Value, out _))
                    {
                        required.Add(s.Value);
                    }
                    else
                    {
                        _sink.Report(GeneratorDiagnostics.InvalidShape, item, where + " lists '" + (item as JsonString)?.Value + "' as required, but has no such member");
                    }
                }
            }
            else
            {
                _sink.Report(GeneratorDiagnostics.InvalidShape, requiredNode, where + ".required must be a list of member names");
            }
        }

        var members = new List<MemberSpec>();
        var propertyOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in membersNode.Properties)
        {
            if (skip?.Invoke(property.Name) == true)
            {
                continue;
            }

            var memberWhere = where + " member '" + property.Name + "'";
            if (property.Value is not JsonObject memberNode)
            {
                _sink.Report(GeneratorDiagnostics.InvalidShape, property.Value, memberWhere + " must be an object");
                continue;
            }

            var target = JsonAccess.String(memberNode, "shape", _sink, GeneratorDiagnostics.InvalidShape, memberWhere, required: true);
            if (target is null)
            {
                continue;
            }

            if (_shapes.TryGetValue(target, out var targetShape) && (targetShape.IsEventStream || targetShape.IsException))
            {
                _sink.Report(GeneratorDiagnostics.UnsupportedFeature, memberNode["shape"],
                    memberWhere + " refers to " + (targetShape.IsEventStream ? "an event stream" : "an error shape") + "; the member is left out");
                continue;
            }

            var type = Resolve(target, memberNode["shape"]!, memberWhere);
            if (type is null)
            {
                continue;
            }

            var propertyName = PropertyName(ownerTypeName, property.Name);
            if (propertyName.Length == 0)
            {
                _sink.ReportAtName(GeneratorDiagnostics.NameClash, property, memberWhere + " has no letters or digits to make a property name from");
                continue;
            }

            if (propertyOwners.TryGetValue(propertyName, out var other))
            {
                _sink.ReportAtName(GeneratorDiagnostics.NameClash, property, where + " members '" + other + "' and '" + property.Name + "' both become property '" + propertyName + "'");
                continue;
            }

            propertyOwners[propertyName] = property.Name;
            var deprecated = memberNode.TryGet("deprecated", out var dep) && dep is JsonBool { Value: true };
            var deprecatedMessage = memberNode.TryGet("deprecatedMessage", out var dm) && dm is JsonString dms ? dms.Value : null;
            var key = shape.Name + "$" + property.Name;
            members.Add(new MemberSpec(
                property.Name,
                propertyName,
                type,
                required.Contains(property.Name),
                Documentation(memberNode),
                deprecatedMessage,
                deprecated,
                customizations.MemberRules.TryGetValue(key, out var rules) ? rules.ToEquatableArray() : EquatableArray<ConstraintSpec>.Empty,
                customizations.MemberErrorCodes.TryGetValue(key, out var code) ? code : null,
                IsSensitive(targetShape))
            {
                TimestampFormat = type.Kind == TypeKind.Timestamp ? ReadTimestampFormat(memberNode, memberWhere) : null,
            });
        }

        return members.ToEquatableArray();
    }

    private List<EnumSpec> BuildEnums()
    {
        var result = new List<EnumSpec>();
        foreach (var shape in _shapes.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (!shape.HasEnum || shape.TypeName is null)
            {
                continue;
            }

            var values = new List<EnumValueSpec>();
            var used = new HashSet<string>(ReservedEnumValueNames, StringComparer.Ordinal) { shape.TypeName };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in ((JsonArray)shape.Node["enum"]!).Items)
            {
                if (item is not JsonString s)
                {
                    _sink.Report(GeneratorDiagnostics.InvalidShape, item, "Shape '" + shape.Name + "' enum values must be strings");
                    continue;
                }

                if (!seen.Add(s.Value))
                {
                    _sink.Report(GeneratorDiagnostics.InvalidShape, item, "Shape '" + shape.Name + "' lists enum value '" + s.Value + "' twice");
                    continue;
                }

                var identifier = Identifiers.EnumMember(s.Value);
                if (identifier.Length == 0)
                {
                    identifier = "Value";
                }

                // EQUALS is a comparison operator in several services; as a property it would fight Equals().
                if (ReservedEnumValueNames.Contains(identifier) || identifier == shape.TypeName)
                {
                    identifier += "Value";
                }

                if (!used.Add(identifier))
                {
                    var n = 2;
                    while (!used.Add(identifier + n.ToString(CultureInfo.InvariantCulture)))
                    {
                        n++;
                    }

                    identifier += n.ToString(CultureInfo.InvariantCulture);
                }

                values.Add(new EnumValueSpec(s.Value, identifier));
            }

            result.Add(new EnumSpec(_service, shape.Name, shape.TypeName, Documentation(shape.Node), values.ToEquatableArray()));
        }

        return result;
    }

    private List<ErrorSpec> BuildErrors()
    {
        var result = new List<ErrorSpec>();
        foreach (var shape in _shapes.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (!shape.IsException || shape.TypeName is null)
            {
                continue;
            }

            var where = "Shape '" + shape.Name + "'";
            var status = 400;
            var code = shape.Name;
            if (JsonAccess.Object(shape.Node, "error", _sink, GeneratorDiagnostics.InvalidShape, where, required: false) is { } error)
            {
                if (JsonAccess.Number(error, "httpStatusCode", _sink, GeneratorDiagnostics.InvalidShape, where + ".error") is { } s)
                {
                    status = (int)s;
                }
            }

            var fault = JsonAccess.Bool(shape.Node, "fault", _sink, GeneratorDiagnostics.InvalidShape, where);
            if (fault && status == 400)
            {
                status = 500;
            }

            // "message" travels in Exception.Message; every other member becomes a property.
            var members = BuildMembers(shape, Customizations.None, shape.TypeName,
                name => string.Equals(name, "message", StringComparison.OrdinalIgnoreCase));
            result.Add(new ErrorSpec(_service, code, shape.TypeName, Documentation(shape.Node), status, fault, members));
        }

        return result;
    }

    /// <summary>
    /// The property for a member. A member named like its type, or like something records and exceptions already
    /// define, gets a suffix: the wire name is unchanged, and the alternative is code that does not compile.
    /// </summary>
    private static string PropertyName(string ownerTypeName, string memberName)
    {
        var name = Identifiers.Pascal(memberName);
        return name.Length > 0 && (name == ownerTypeName || ReservedMemberNames.Contains(name)) ? name + "Value" : name;
    }

    // A secret inside a list or map is as secret as a bare one.
    private bool IsSensitive(RawShape? shape)
    {
        for (var depth = 0; shape is not null && depth < 8; depth++)
        {
            if (shape.Node.TryGet("sensitive", out var flag) && flag is JsonBool { Value: true })
            {
                return true;
            }

            var next = shape.Type == "list" ? shape.Node["member"] : shape.Type == "map" ? shape.Node["value"] : null;
            shape = next is JsonObject o && o["shape"] is JsonString s && _shapes.TryGetValue(s.Value, out var target) ? target : null;
        }

        return false;
    }

    private static string? Documentation(JsonObject node) =>
        node.TryGet("documentation", out var doc) && doc is JsonString s && s.Value.Length > 0 ? s.Value : null;
}
