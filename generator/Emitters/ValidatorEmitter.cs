using System.Collections.Generic;
using System.Linq;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Emitters;

/// <summary>
/// Emits a structure's validator. Each check calls the shared rule code in <c>CloudTrailSdk.Runtime.Rules</c> (or a named rule's declared checker), the same code
/// the analyzers run, and reports into a collector so that every violation is found in one pass. Paths are built only
/// when a check fails.
/// </summary>
internal static class ValidatorEmitter
{
    public static void Write(SourceWriter writer, StructureSpec spec)
    {
        var service = spec.Service;
        var type = TypeNames.Type(service, spec.TypeName);
        var statics = new EmitState();
        writer.Open("namespace " + service.ValidationNamespace);
        writer.Line("/// <summary>Checks <see cref=\"" + type + "\"/> against every model constraint and customization.</summary>");
        writer.Line(TypeNames.EditorBrowsableNever);
        writer.Open("public static class " + spec.TypeName + "Validator");
        writer.Line("/// <summary>Reports every broken constraint of <paramref name=\"value\"/> into <paramref name=\"issues\"/>.</summary>");
        writer.Open("public static void Validate(" + type + " value, " + TypeNames.Collector + " issues, string path)");
        foreach (var member in spec.Members)
        {
            var code = member.ErrorCode is null ? "null" : Literals.String(member.ErrorCode);
            var path = TypeNames.Path + ".Member(path, " + Literals.String(member.WireName) + ")";
            var local = "v" + member.PropertyName;
            writer.Open("if (value." + member.PropertyName + " is { } " + local + ")");
            WriteChecks(writer, service, member.Type, member.Customizations, local, path, code, 0, statics);
            writer.Close();
            if (member.Required)
            {
                writer.Open("else");
                writer.Line("issues.Report(" + path + ", \"required\", \"is required\", " + code + ");");
                writer.Close();
            }
        }

        foreach (var rule in spec.Rules)
        {
            WriteShapeRule(writer, rule, statics);
        }

        writer.Close();
        for (var i = 0; i < statics.Values.Count; i++)
        {
            writer.Line();
            writer.Line("private static readonly string[] s_values" + i + " = " + statics.Values[i] + ";");
        }

        writer.Close();
        writer.Close();
    }

    private static void WriteChecks(SourceWriter writer, ServiceContext service, TypeRef type, IEnumerable<ConstraintSpec> customizations, string value, string path, string code, int depth, EmitState statics)
    {
        var own = customizations.Where(c => !c.AppliesToItems).ToList();
        var items = customizations.Where(c => c.AppliesToItems).ToList();
        foreach (var c in type.Constraints.Concat(own))
        {
            WriteConstraint(writer, type, c, value, path, c.ErrorCode is null ? code : Literals.String(c.ErrorCode), statics);
        }

        switch (type.Kind)
        {
            case TypeKind.Enum:
                writer.Open("if (issues.CheckEnumValues && !" + value + ".IsKnown)");
                writer.Line("issues.Report(" + path + ", \"enum\", " + TypeNames.Rules + ".EnumRule.Check(" + value + ".Value, global::" + type.TypeName + ".KnownValueStrings), " + code + ");");
                writer.Close();
                break;
            case TypeKind.Structure:
                writer.Line(TypeNames.Validator(service, type.TypeName!.Substring(service.Namespace.Length + 1)) + ".Validate(" + value + ", issues, " + path + ");");
                break;
            case TypeKind.List:
            case TypeKind.Map:
                var element = type.Element!;
                if (!NeedsChecks(element) && items.Count == 0)
                {
                    break;
                }

                var index = "i" + depth;
                var item = "e" + depth;
                if (type.Kind == TypeKind.List)
                {
                    writer.Open("for (var " + index + " = 0; " + index + " < " + value + ".Count; " + index + "++)");
                    writer.Line("var " + item + " = " + value + "[" + index + "];");
                    WriteElement(writer, service, element, items, item, TypeNames.Path + ".Index(" + path + ", " + index + ")", code, depth, statics);
                }
                else
                {
                    writer.Open("foreach (var kv" + depth + " in " + value + ")");
                    writer.Line("var " + item + " = kv" + depth + ".Value;");
                    var keyText = "kv" + depth + ".Key" + (type.Key!.Kind == TypeKind.Enum ? ".Value" : string.Empty);
                    WriteElement(writer, service, element, items, item, TypeNames.Path + ".Key(" + path + ", " + keyText + ")", code, depth, statics);
                }

                writer.Close();
                break;
        }
    }

    private static void WriteElement(SourceWriter writer, ServiceContext service, TypeRef element, List<ConstraintSpec> items, string item, string path, string code, int depth, EmitState statics)
    {
        if (!element.IsValueType)
        {
            writer.Open("if (" + item + " is null)");
            writer.Line("issues.Report(" + path + ", \"required\", \"is null; collections may not hold null\", " + code + ");");
            writer.Line("continue;");
            writer.Close();
        }

        WriteChecks(writer, service, element, items.Select(c => c with { AppliesToItems = false }), item, path, code, depth + 1, statics);
    }

    private static bool NeedsChecks(TypeRef type) =>
        type.Constraints.Count > 0 || type.Kind is TypeKind.Structure or TypeKind.Enum or TypeKind.String or TypeKind.Blob
        || (type.Element is { } e && NeedsChecks(e));

    private static void WriteConstraint(SourceWriter writer, TypeRef type, ConstraintSpec c, string value, string path, string code, EmitState statics)
    {
        string rule;
        string check;
        var min = c.Min is { } lo ? Literals.Long(lo) : "-1";
        var max = c.Max is { } hi ? Literals.Long(hi) : "-1";
        switch (c.Kind)
        {
            case ConstraintKind.Length when type.Kind == TypeKind.Blob:
                rule = "length";
                check = "LengthRule.CheckBytes(" + value + ".Length, " + min + ", " + max + ")";
                break;
            case ConstraintKind.Length when type.Kind is TypeKind.String:
                rule = "length";
                check = "LengthRule.Check(" + value + ", " + min + ", " + max + ")";
                break;
            case ConstraintKind.Length when type.Kind is TypeKind.Enum:
                rule = "length";
                check = "LengthRule.Check(" + value + ".Value, " + min + ", " + max + ")";
                break;
            case ConstraintKind.Count when type.Kind is TypeKind.List or TypeKind.Map:
                rule = "count";
                check = "CountRule.Check(" + value + ".Count, " + min + ", " + max + ")";
                break;
            case ConstraintKind.Range when type.Kind is TypeKind.Integer or TypeKind.Long or TypeKind.Float or TypeKind.Double:
                rule = "range";
                check = "RangeRule.Check(" + value + ", " + (c.Min is { } rlo ? Literals.Double(rlo) : "double.NaN") + ", " + (c.Max is { } rhi ? Literals.Double(rhi) : "double.NaN") + ")";
                break;
            case ConstraintKind.Pattern when type.Kind is TypeKind.String or TypeKind.Enum:
                rule = "pattern";
                check = "PatternRule.Check(" + StringOf(type, value) + ", " + Literals.String(c.Text!) + ")";
                break;
            case ConstraintKind.NamedRule when type.Kind is TypeKind.String or TypeKind.Enum:
                rule = c.Text!;
                // The customizations file names the static method that checks the rule: the generator knows no rule itself.
                check = "global::" + c.Checker + "(" + StringOf(type, value) + ")";
                break;
            case ConstraintKind.WeightedLength when type.Kind is TypeKind.String or TypeKind.Enum:
                rule = "weighted-length";
                check = "WeightedLengthRule.Check(" + StringOf(type, value) + ", " + max + ", " + Literals.String(c.Text!) + ")";
                break;
            case ConstraintKind.AllowedValues when type.Kind is TypeKind.String or TypeKind.Enum:
                rule = "allowed-values";
                check = "AllowedValuesRule.Check(" + StringOf(type, value) + ", s_values" + statics.Values.Count + ")";
                statics.Values.Add(Literals.StringArray(c.Values));
                break;
            default:
                return;
        }

        var problem = statics.NextName("problem");
        writer.Open("if (" + (check.StartsWith("global::", System.StringComparison.Ordinal) ? check : TypeNames.Rules + "." + check) + " is { } " + problem + ")");
        writer.Line("issues.Report(" + path + ", " + Literals.String(rule) + ", " + problem + ", " + code + ");");
        writer.Close();
    }

    private static string StringOf(TypeRef type, string value) => type.Kind == TypeKind.Enum ? value + ".Value" : value;

    private static void WriteShapeRule(SourceWriter writer, ShapeRuleSpec rule, EmitState state)
    {
        var code = rule.ErrorCode is null ? "null" : Literals.String(rule.ErrorCode);
        var args = rule.Arguments;
        switch (rule.Rule)
        {
            case "not-after":
                writer.Open("if (" + TypeNames.Rules + ".TimeOrderRule.Check(value." + args[0] + ", value." + args[1] + ", " + Literals.String(args[0]) + ", " + Literals.String(args[1]) + ") is { } " + state.NextName("problem") + ")");
                writer.Line("issues.Report(" + TypeNames.Path + ".Member(path, " + Literals.String(args[0]) + "), \"not-after\", " + state.LastName + ", " + code + ");");
                writer.Close();
                break;
            case "mutually-exclusive":
                // Counted inline so a valid request allocates nothing; the verdict and message are the shared rule's.
                var set = string.Join(" + ", args.Select(a => "(value." + a + " is null ? 0 : 1)"));
                var names = "s_values" + state.Values.Count;
                state.Values.Add(Literals.StringArray(args));
                writer.Open("if (" + set + " > 1 && " + TypeNames.Rules + ".MutuallyExclusiveRule.Check(" + names + ", " + string.Join(", ", args.Select(a => "value." + a + " is not null")) + ") is { } " + state.NextName("problem") + ")");
                writer.Line("issues.Report(path, \"mutually-exclusive\", " + state.LastName + ", " + code + ");");
                writer.Close();
                break;
            case "allowed-values-when":
                WriteAllowedValuesWhen(writer, rule, code, state);
                break;
            case "total-count":
                writer.Open("if (" + TypeNames.Rules + ".CountRule.CheckTotal(" + TotalExpression("value", args[0].Split('.'), 0) + ", " + Literals.Long(rule.Limit) + ", " + Literals.String(args[0]) + ") is { } " + state.NextName("problem") + ")");
                writer.Line("issues.Report(" + TypeNames.Path + ".Member(path, " + Literals.String(args[0].Split('[', '.')[0]) + "), \"total-count\", " + state.LastName + ", " + code + ");");
                writer.Close();
                break;
        }
    }

    /// <summary>
    /// <c>allowed-values-when</c>: arguments are the condition member, the condition value, the checked path (e.g.
    /// <c>LookupAttributes[].AttributeKey</c>) and the allowed values. Walks the path's lists, skipping nulls.
    /// </summary>
    private static void WriteAllowedValuesWhen(SourceWriter writer, ShapeRuleSpec rule, string code, EmitState state)
    {
        var args = rule.Arguments;
        var allowed = "s_values" + state.Values.Count;
        state.Values.Add(Literals.StringArray(args.Skip(3)));
        writer.Open("if (" + TypeNames.Rules + ".AllowedValuesWhenRule.Applies(value." + args[0] + "?.ToString(), " + Literals.String(args[1]) + "))");
        var segments = args[2].Split('.');
        var owner = "value";
        var path = "path";
        var opened = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            var isList = segments[i].EndsWith("[]", System.StringComparison.Ordinal);
            var name = isList ? segments[i].Substring(0, segments[i].Length - 2) : segments[i];
            path = TypeNames.Path + ".Member(" + path + ", " + Literals.String(name) + ")";
            if (i == segments.Length - 1)
            {
                var problem = state.NextName("problem");
                writer.Open("if (" + TypeNames.Rules + ".AllowedValuesWhenRule.Check(" + owner + "." + name + "?.ToString(), " + allowed + ", " + Literals.String(args[0]) + ", " + Literals.String(args[1]) + ") is { } " + problem + ")");
                writer.Line("issues.Report(" + path + ", \"allowed-values-when\", " + problem + ", " + code + ");");
                writer.Close();
                break;
            }

            var local = state.NextName("w");
            writer.Open("if (" + owner + "." + name + " is { } " + local + ")");
            opened++;
            if (isList)
            {
                var index = state.NextName("wi");
                writer.Open("for (var " + index + " = 0; " + index + " < " + local + ".Count; " + index + "++)");
                writer.Open("if (" + local + "[" + index + "] is { } " + local + "e)");
                opened += 2;
                path = TypeNames.Path + ".Index(" + path + ", " + index + ")";
                owner = local + "e";
            }
            else
            {
                owner = local;
            }
        }

        for (var i = 0; i < opened; i++)
        {
            writer.Close();
        }

        writer.Close();
    }

    /// <summary>The number of values a path such as <c>A[].B[].C[]</c> reaches, as one expression.</summary>
    private static string TotalExpression(string owner, string[] segments, int index)
    {
        var isList = segments[index].EndsWith("[]", System.StringComparison.Ordinal);
        var name = isList ? segments[index].Substring(0, segments[index].Length - 2) : segments[index];
        var access = owner + "?." + name;
        if (index == segments.Length - 1)
        {
            return isList ? "(" + access + "?.Count ?? 0)" : "(" + access + " is null ? 0 : 1)";
        }

        var inner = "x" + index;
        var next = TotalExpression(inner, segments, index + 1);
        return isList
            ? TypeNames.Runtime + ".Validation.ValidationCounting.Sum(" + access + ", static " + inner + " => " + next + ")"
            : next.Replace(inner, access);
    }

    /// <summary>Per-file emission state: static value arrays to declare, and unique local names (pattern variables leak into the enclosing block).</summary>
    private sealed class EmitState
    {
        private int _next;

        public List<string> Values { get; } = new();

        public string LastName { get; private set; } = string.Empty;

        public string NextName(string stem) => LastName = stem + (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
