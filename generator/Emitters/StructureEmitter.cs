using System.Linq;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Emitters;

/// <summary>Emits one structure: its record, its JSON serializer and its validator, in one file that changes with the shape.</summary>
internal static class StructureEmitter
{
    public static string Emit(StructureSpec spec)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + spec.Service.Namespace);
        DocComments.Write(writer, spec.Documentation);
        foreach (var rule in spec.Rules)
        {
            writer.Line(ConstraintAttributes.ShapeRule(rule));
        }

        if (spec.RateLimit > 0)
        {
            writer.Line("[" + TypeNames.Constraints + ".AwsRateLimit(" + Literals.Double(spec.RateLimit) + ")]");
        }

        writer.Open("public sealed partial record " + spec.TypeName);
        var first = true;
        foreach (var member in spec.Members)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            WriteProperty(writer, member);
        }

        if (spec.Members.Any(m => m.Sensitive))
        {
            WriteRedactedPrintMembers(writer, spec);
        }

        writer.Close();
        writer.Close();
        writer.Line();
        SerializerEmitter.Write(writer, spec.Service, spec.TypeName, spec.Members, isError: false);
        writer.Line();
        ValidatorEmitter.Write(writer, spec);
        return writer.ToString();
    }

    internal static void WriteProperty(SourceWriter writer, MemberSpec member, string accessor = "init")
    {
        DocComments.Write(writer, member.Documentation);
        foreach (var attribute in ConstraintAttributes.ForMember(member))
        {
            writer.Line(attribute);
        }

        if (member.Deprecated)
        {
            writer.Line("[global::System.Obsolete(" + Literals.String(member.DeprecatedMessage ?? "The service has deprecated this member.") + ")]");
        }

        // Only records can demand a member at construction; an exception is built first and filled from the body
        // after, so there every member may be missing and is typed that way.
        var required = member.Required && accessor == "init" ? "required " : string.Empty;
        var type = accessor == "init" ? TypeNames.Property(member) : member.Type.CSharpType + "?";
        writer.Line("public " + required + type + " " + member.PropertyName + " { get; " + accessor + "; }");
    }

    /// <summary>Records print every member in ToString(); members the model marks sensitive must not reach logs that way.</summary>
    private static void WriteRedactedPrintMembers(SourceWriter writer, StructureSpec spec)
    {
        writer.Line();
        // A response derives from AwsResponse, so its PrintMembers overrides the base's; any other record declares its own.
        writer.Open((spec.IsResponse && spec.Service.EmitsClient ? "protected override" : "private") + " bool PrintMembers(global::System.Text.StringBuilder builder)");
        var first = true;
        foreach (var member in spec.Members)
        {
            var separator = first ? string.Empty : ", ";
            first = false;
            var value = member.Sensitive
                ? "(" + member.PropertyName + " is null ? \"null\" : \"***\")"
                : "(object?)" + member.PropertyName;
            writer.Line("builder.Append(" + Literals.String(separator + member.PropertyName + " = ") + ").Append(" + value + ");");
        }

        writer.Line("return true;");
        writer.Close();
    }
}
