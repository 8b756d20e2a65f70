using System.Collections.Generic;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Emitters;

/// <summary>
/// Emits a reflection-free awsJson serializer for one structure: Utf8JsonWriter out, Utf8JsonReader in, wire names
/// exactly as the model spells them. Unknown members are skipped so that newer services do not break older clients.
/// </summary>
internal static class SerializerEmitter
{
    public static void Write(SourceWriter writer, ServiceContext service, string typeName, EquatableArray<MemberSpec> members, bool isError)
    {
        var type = TypeNames.Type(service, typeName);
        writer.Open("namespace " + service.SerializationNamespace);
        writer.Line("/// <summary>Reads and writes <see cref=\"" + type + "\"/> as AWS JSON. Used by the generated client and server.</summary>");
        writer.Line(TypeNames.EditorBrowsableNever);
        writer.Open("public static class " + typeName + "Serializer");

        // An error's members go inside the object the exception base opens (after __type and message).
        writer.Line(isError
            ? "/// <summary>Writes the modelled members of <paramref name=\"value\"/> into the current JSON object.</summary>"
            : "/// <summary>Writes <paramref name=\"value\"/> as a JSON object.</summary>");
        writer.Open("public static void " + (isError ? "WriteMembers" : "Write") + "(" + TypeNames.JsonWriter + " writer, " + type + " value)");
        if (!isError)
        {
            writer.Line("writer.WriteStartObject();");
        }

        foreach (var member in members)
        {
            writer.Open("if (value." + member.PropertyName + " is { } m" + member.PropertyName + ")");
            writer.Line("writer.WritePropertyName(" + Literals.Utf8(member.WireName) + ");");
            WriteValue(writer, service, member.Type, "m" + member.PropertyName, 0, member.TimestampFormat);
            writer.Close();
        }

        if (!isError)
        {
            writer.Line("writer.WriteEndObject();");
        }

        writer.Close();
        writer.Line();

        var helpers = new List<(string Name, TypeRef Type, string Member)>();
        if (isError)
        {
            writer.Line("/// <summary>Reads the members of an error body into <paramref name=\"error\"/>.</summary>");
            writer.Open("public static void ReadInto(ref " + TypeNames.JsonReader + " reader, " + type + " error)");
        }
        else
        {
            writer.Line("/// <summary>Reads a JSON object; the reader must be on its start.</summary>");
            writer.Open("public static " + type + " Read(ref " + TypeNames.JsonReader + " reader)");
        }

        writer.Line(TypeNames.AwsJson + ".ExpectStartObject(ref reader, " + Literals.String(typeName) + ");");
        foreach (var member in members)
        {
            writer.Line(member.Type.CSharpType + "? p" + member.PropertyName + " = default;");
        }

        writer.Open("while (" + TypeNames.AwsJson + ".NextProperty(ref reader))");
        var first = true;
        foreach (var member in members)
        {
            writer.Open((first ? "if" : "else if") + " (reader.ValueTextEquals(" + Literals.Utf8(member.WireName) + "))");
            first = false;
            writer.Open("if (" + TypeNames.AwsJson + ".ReadValueStart(ref reader))");
            writer.Line("p" + member.PropertyName + " = " + ReadExpression(service, member.Type, member.WireName, "Read" + member.PropertyName, helpers) + ";");
            writer.Close();
            writer.Close();
        }

        if (first)
        {
            writer.Line(TypeNames.AwsJson + ".SkipValue(ref reader);");
        }
        else
        {
            writer.Open("else");
            writer.Line(TypeNames.AwsJson + ".SkipValue(ref reader);");
            writer.Close();
        }

        writer.Close();
        writer.Line();
        if (isError)
        {
            foreach (var member in members)
            {
                writer.Line("error." + member.PropertyName + " = p" + member.PropertyName + ";");
            }
        }
        else
        {
            writer.Open("return new " + type);
            foreach (var member in members)
            {
                var bang = member.Required && !member.Type.IsValueType ? "!" : string.Empty;
                writer.Line(member.PropertyName + " = p" + member.PropertyName + bang + ",");
            }

            writer.Close(";");
        }

        writer.Close();

        for (var i = 0; i < helpers.Count; i++)
        {
            writer.Line();
            WriteCollectionReader(writer, service, helpers[i].Name, helpers[i].Type, helpers[i].Member, helpers);
        }

        writer.Close();
        writer.Close();
    }

    private static void WriteValue(SourceWriter writer, ServiceContext service, TypeRef type, string value, int depth, string? timestampFormat = null)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
                writer.Line("writer.WriteStringValue(" + value + ");");
                break;
            case TypeKind.Enum:
                writer.Line("writer.WriteStringValue(" + value + ".Value);");
                break;
            case TypeKind.Boolean:
                writer.Line("writer.WriteBooleanValue(" + value + ");");
                break;
            case TypeKind.Integer:
            case TypeKind.Long:
                writer.Line("writer.WriteNumberValue(" + value + ");");
                break;
            case TypeKind.Float:
            case TypeKind.Double:
                writer.Line(TypeNames.AwsJson + ".WriteDouble(writer, " + value + ");");
                break;
            case TypeKind.Timestamp:
                // Epoch seconds is awsJson's default; a model may ask for another format on the shape or the member.
                var format = timestampFormat ?? type.TimestampFormat;
                writer.Line(format is null or "unixTimestamp"
                    ? TypeNames.AwsJson + ".WriteTimestamp(writer, " + value + ");"
                    : TypeNames.AwsJson + ".WriteTimestamp(writer, " + value + ", " + Literals.String(format) + ");");
                break;
            case TypeKind.Blob:
                writer.Line("writer.WriteBase64StringValue(" + value + ");");
                break;
            case TypeKind.Document:
                writer.Line(value + ".WriteTo(writer);");
                break;
            case TypeKind.Structure:
                writer.Line(TypeNames.Serializer(service, type.TypeName!.Substring(service.Namespace.Length + 1)) + ".Write(writer, " + value + ");");
                break;
            case TypeKind.List:
                // An indexed loop: foreach over IReadOnlyList<T> allocates an enumerator per list, per write.
                writer.Line("writer.WriteStartArray();");
                writer.Open("for (var i" + depth + " = 0; i" + depth + " < " + value + ".Count; i" + depth + "++)");
                writer.Line("var item" + depth + " = " + value + "[i" + depth + "];");
                WriteValue(writer, service, type.Element!, "item" + depth, depth + 1);
                writer.Close();
                writer.Line("writer.WriteEndArray();");
                break;
            case TypeKind.Map:
                writer.Line("writer.WriteStartObject();");
                writer.Open("foreach (var entry" + depth + " in " + value + ")");
                writer.Line("writer.WritePropertyName(entry" + depth + ".Key" + (type.Key!.Kind == TypeKind.Enum ? ".Value" : string.Empty) + ");");
                WriteValue(writer, service, type.Element!, "entry" + depth + ".Value", depth + 1);
                writer.Close();
                writer.Line("writer.WriteEndObject();");
                break;
        }
    }

    private static string ReadExpression(ServiceContext service, TypeRef type, string member, string helperName, List<(string, TypeRef, string)> helpers)
    {
        var name = Literals.String(member);
        switch (type.Kind)
        {
            case TypeKind.String:
                return TypeNames.AwsJson + ".ReadString(ref reader, " + name + ")";
            case TypeKind.Enum:
                return "new global::" + type.TypeName + "(" + TypeNames.AwsJson + ".ReadString(ref reader, " + name + "))";
            case TypeKind.Boolean:
                return TypeNames.AwsJson + ".ReadBoolean(ref reader, " + name + ")";
            case TypeKind.Integer:
                return TypeNames.AwsJson + ".ReadInt32(ref reader, " + name + ")";
            case TypeKind.Long:
                return TypeNames.AwsJson + ".ReadInt64(ref reader, " + name + ")";
            case TypeKind.Float:
                return "(float)" + TypeNames.AwsJson + ".ReadDouble(ref reader, " + name + ")";
            case TypeKind.Double:
                return TypeNames.AwsJson + ".ReadDouble(ref reader, " + name + ")";
            case TypeKind.Timestamp:
                return TypeNames.AwsJson + ".ReadTimestamp(ref reader, " + name + ")";
            case TypeKind.Blob:
                return TypeNames.AwsJson + ".ReadBlob(ref reader, " + name + ")";
            case TypeKind.Document:
                return "global::System.Text.Json.JsonElement.ParseValue(ref reader)";
            case TypeKind.Structure:
                return TypeNames.Serializer(service, type.TypeName!.Substring(service.Namespace.Length + 1)) + ".Read(ref reader)";
            default:
                helpers.Add((helperName, type, member));
                return helperName + "(ref reader)";
        }
    }

    private static void WriteCollectionReader(SourceWriter writer, ServiceContext service, string name, TypeRef type, string member, List<(string, TypeRef, string)> helpers)
    {
        var element = type.Element!;
        writer.Open("private static " + type.CSharpType + " " + name + "(ref " + TypeNames.JsonReader + " reader)");
        if (type.Kind == TypeKind.List)
        {
            writer.Line(TypeNames.AwsJson + ".ExpectStartArray(ref reader, " + Literals.String(member) + ");");
            writer.Line("var items = new global::System.Collections.Generic.List<" + element.CSharpType + ">();");
            writer.Open("while (" + TypeNames.AwsJson + ".NextItem(ref reader))");
            writer.Line("items.Add(" + ReadExpression(service, element, member, name + "Item", helpers) + ");");
            writer.Close();
            writer.Line("return items;");
        }
        else
        {
            writer.Line(TypeNames.AwsJson + ".ExpectStartObject(ref reader, " + Literals.String(member) + ");");
            writer.Line("var entries = new global::System.Collections.Generic.Dictionary<" + type.Key!.CSharpType + ", " + element.CSharpType + ">();");
            writer.Open("while (" + TypeNames.AwsJson + ".NextProperty(ref reader))");
            var key = type.Key.Kind == TypeKind.Enum ? "new global::" + type.Key.TypeName + "(reader.GetString()!)" : "reader.GetString()!";
            writer.Line("var key = " + key + ";");
            writer.Open("if (" + TypeNames.AwsJson + ".ReadValueStart(ref reader))");
            writer.Line("entries[key] = " + ReadExpression(service, element, member, name + "Value", helpers) + ";");
            writer.Close();
            writer.Close();
            writer.Line("return entries;");
        }

        writer.Close();
    }
}
