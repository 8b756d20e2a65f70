using System.Linq;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Emitters;

/// <summary>
/// Emits a string-backed enum as a value type. A C# enum would throw on the first value AWS adds after the SDK shipped;
/// this keeps any string, and knows which ones the model listed.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(EnumSpec spec)
    {
        var name = spec.TypeName;
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + spec.Service.Namespace);
        DocComments.Write(writer, spec.Documentation, "Values of " + spec.ShapeName + ". Unknown values are kept as they are.");
        writer.Line("[" + TypeNames.Constraints + ".AwsStringEnum(" + string.Join(", ", spec.Values.Select(v => Literals.String(v.Value))) + ")]");
        writer.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
        foreach (var value in spec.Values)
        {
            writer.Line("/// <summary>The value <c>" + Escape(value.Value) + "</c>.</summary>");
            writer.Line("public static " + name + " " + value.Identifier + " { get; } = new(" + Literals.String(value.Value) + ");");
            writer.Line();
        }

        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line("/// <summary>Wraps any value, known or not.</summary>");
        writer.Open("public " + name + "(string value)");
        writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The value as sent on the wire.</summary>");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>True when the model listed this value.</summary>");
        writer.Line("public bool IsKnown => Value switch");
        writer.Line("{");
        writer.Indent();
        foreach (var value in spec.Values)
        {
            writer.Line(Literals.String(value.Value) + " => true,");
        }

        writer.Line("_ => false,");
        writer.Outdent();
        writer.Line("};");
        writer.Line();
        writer.Line("/// <summary>The values the model listed.</summary>");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<" + name + "> KnownValues { get; } = new " + name + "[] { " + string.Join(", ", spec.Values.Select(v => v.Identifier)) + " };");
        writer.Line();
        writer.Line("/// <summary>The values the model listed, as strings.</summary>");
        writer.Line("public static string[] KnownValueStrings => " + Literals.StringArray(spec.Values.Select(v => v.Value)) + ";");
        writer.Line();
        writer.Line("/// <summary>Wraps a string, so that constants can be assigned directly.</summary>");
        writer.Line("public static implicit operator " + name + "(string value) => new(value);");
        writer.Line();
        writer.Line("/// <summary>Compares values ordinally, as AWS does.</summary>");
        writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Compares values ordinally, as AWS does.</summary>");
        writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public bool Equals(" + name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override string ToString() => Value;");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
