using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Emitters;

/// <summary>Emits a typed exception per error shape, deriving from the service's exception base.</summary>
internal static class ErrorEmitter
{
    public static string Emit(ErrorSpec spec)
    {
        var service = spec.Service;
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + service.Namespace);
        DocComments.Write(writer, spec.Documentation, "The service answered with the error code " + spec.Code + ".");
        writer.Open("public sealed partial class " + spec.TypeName + " : " + service.ExceptionBaseName);
        writer.Line("/// <summary>The error code on the wire.</summary>");
        writer.Line("public const string Code = " + Literals.String(spec.Code) + ";");
        writer.Line();
        writer.Line("/// <summary>The HTTP status the service answers this error with.</summary>");
        writer.Line("public const int DefaultStatusCode = " + Literals.Int(spec.StatusCode) + ";");
        writer.Line();
        writer.Line("/// <summary>Creates the exception, as a client does on receiving it or a server does to answer with it.</summary>");
        writer.Line("public " + spec.TypeName + "(string? message, int statusCode = DefaultStatusCode, string? requestId = null, global::System.Exception? innerException = null)");
        writer.Indent();
        writer.Line(": base(Code, message, statusCode, requestId, innerException)");
        writer.Outdent();
        writer.Line("{");
        writer.Line("}");
        foreach (var member in spec.Members)
        {
            writer.Line();
            StructureEmitter.WriteProperty(writer, member, "set");
        }

        if (spec.Members.Count > 0)
        {
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("protected override void WriteMembers(" + TypeNames.JsonWriter + " writer) => " + TypeNames.Serializer(service, spec.TypeName) + ".WriteMembers(writer, this);");
        }

        writer.Close();
        writer.Close();
        writer.Line();
        SerializerEmitter.Write(writer, service, spec.TypeName, spec.Members, isError: true);
        return writer.ToString();
    }
}
