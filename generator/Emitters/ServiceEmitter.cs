using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Emitters;

/// <summary>
/// Emits the service-wide pieces: the client's constructor and runtime wiring, the exception base and error factory,
/// the paginators entry point; the server side is <see cref="ServerEmitter"/>'s. They depend on names only, not on shapes.
/// </summary>
internal static class ServiceEmitter
{
    public static string Emit(ServiceUnitSpec spec)
    {
        var service = spec.Service;
        var writer = new SourceWriter().Header();
        if (service.EmitsClient)
        {
            writer.Open("namespace " + service.Namespace);
            WriteExceptionBase(writer, spec);
            writer.Line();
            WriteClient(writer, spec);
            writer.Close();
        }

        if (service.EmitsServer)
        {
            writer.Line();
            writer.Open("namespace " + service.ServerNamespace);
            ServerEmitter.WriteService(writer, spec);
            writer.Close();
        }

        return writer.ToString();
    }

    private static string Description(ServiceContext service) =>
        "new " + TypeNames.Runtime + ".AwsServiceDescription(" + Literals.String(service.ServiceId) + ", " + Literals.String(service.SigningName) + ", "
        + Literals.String(service.EndpointPrefix) + ", " + Literals.String(service.TargetPrefix) + ", " + Literals.String(service.JsonVersion) + ", "
        + Literals.String(service.ApiVersion) + ")";

    private static void WriteExceptionBase(SourceWriter writer, ServiceUnitSpec spec)
    {
        var service = spec.Service;
        var name = service.ExceptionBaseName;
        writer.Line("/// <summary>An error answered by " + service.ServiceId + ". Modelled errors derive from it; unknown codes arrive as this type.</summary>");
        writer.Open("public partial class " + name + " : " + TypeNames.Public + ".AwsServiceException");
        writer.Line("/// <summary>Creates the exception.</summary>");
        writer.Line("public " + name + "(string errorCode, string? message, int statusCode, string? requestId, global::System.Exception? innerException = null)");
        writer.Indent();
        writer.Line(": base(errorCode, message, statusCode, requestId, innerException)");
        writer.Outdent();
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.Line("/// <summary>The service this client speaks to.</summary>");
        writer.Line("public static " + TypeNames.Runtime + ".AwsServiceDescription ServiceDescription { get; } = " + Description(service) + ";");
        writer.Line();
        writer.Line("/// <summary>The service that answered with this error.</summary>");
        writer.Line("public " + TypeNames.Runtime + ".AwsServiceDescription Service => ServiceDescription;");
        writer.Line();
        writer.Line("/// <summary>Builds the typed exception for an error response; unknown codes become the base type.</summary>");
        writer.Open("public static " + name + " FromError(" + TypeNames.Runtime + ".AwsErrorResponse error)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(error);");
        writer.Line(name + " exception = error.Code switch");
        writer.Line("{");
        writer.Indent();
        foreach (var e in spec.Errors)
        {
            writer.Line(Literals.String(e.Code) + " => new global::" + service.Namespace + "." + e.TypeName + "(error.Message, error.StatusCode, error.RequestId),");
        }

        writer.Line("_ => new " + name + "(error.Code, error.Message, error.StatusCode, error.RequestId),");
        writer.Outdent();
        writer.Line("};");
        writer.Line("exception.ReadMembers(error.Body);");
        writer.Line("return exception;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Fills modelled members from the error body; the base type has none.</summary>");
        writer.Open("private void ReadMembers(global::System.ReadOnlyMemory<byte> body)");
        if (spec.Errors.Count == 0)
        {
            // No modelled errors: nothing to read, and an empty switch would be a compiler warning.
            writer.Close();
            writer.Close();
            return;
        }

        writer.Open("if (body.IsEmpty)");
        writer.Line("return;");
        writer.Close();
        writer.Line();
        writer.Open("try");
        writer.Line("var reader = new " + TypeNames.JsonReader + "(body.Span);");
        writer.Open("switch (this)");
        foreach (var e in spec.Errors)
        {
            writer.Line("case global::" + service.Namespace + "." + e.TypeName + " typed: " + TypeNames.Serializer(service, e.TypeName) + ".ReadInto(ref reader, typed); break;");
        }

        writer.Close();
        writer.Close();
        writer.Open("catch (global::System.Text.Json.JsonException)");
        writer.Line("// The code and message were already read; extra members are a bonus, not worth hiding the error for.");
        writer.Close();
        writer.Open("catch (" + TypeNames.Runtime + ".Serialization.AwsJsonException)");
        writer.Line("// As above.");
        writer.Close();
        writer.Close();
        writer.Close();
    }

    private static void WriteClient(SourceWriter writer, ServiceUnitSpec spec)
    {
        var service = spec.Service;
        DocComments.Write(writer, spec.Documentation, "A client for " + service.ServiceId + ".");
        writer.Open("public partial interface " + service.InterfaceName);
        writer.Line("/// <summary>Paginators for the operations that page.</summary>");
        writer.Line(service.PaginatorsClassName + " Paginators { get; }");
        writer.Close();
        writer.Line();
        DocComments.Write(writer, spec.Documentation, "A client for " + service.ServiceId + ".");
        writer.Open("public sealed partial class " + service.ClientClassName + " : " + service.InterfaceName + ", global::System.IDisposable");
        writer.Line("private readonly " + TypeNames.Runtime + ".AwsJsonClient _runtime;");
        writer.Line();
        writer.Line("/// <summary>Creates a client from options; credentials, region and endpoint not set there are resolved as every AWS SDK does.</summary>");
        writer.Line("public " + service.ClientClassName + "(" + TypeNames.Public + ".AwsClientOptions? options = null)");
        writer.Indent();
        writer.Line(": this(null, options)");
        writer.Outdent();
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.Line("/// <summary>Creates a client that sends through <paramref name=\"httpClient\"/> (e.g. one from IHttpClientFactory, or the fake server's handler).</summary>");
        writer.Open("public " + service.ClientClassName + "(global::System.Net.Http.HttpClient? httpClient, " + TypeNames.Public + ".AwsClientOptions? options = null)");
        writer.Line("_runtime = new " + TypeNames.Runtime + ".AwsJsonClient(" + service.ExceptionBaseName + ".ServiceDescription, options ?? new " + TypeNames.Public + ".AwsClientOptions(), httpClient, " + service.ExceptionBaseName + ".FromError);");
        writer.Line("Paginators = new " + service.PaginatorsClassName + "(this);");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public " + service.PaginatorsClassName + " Paginators { get; }");
        writer.Line();
        writer.Line("/// <summary>Where requests go, once resolved.</summary>");
        writer.Line("public global::System.Uri Endpoint => _runtime.Endpoint;");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public void Dispose() => _runtime.Dispose();");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Paginators for " + service.ServiceId + ": each returns an object whose enumerables run a fresh scan.</summary>");
        writer.Open("public sealed partial class " + service.PaginatorsClassName);
        writer.Line("private readonly " + service.InterfaceName + " _client;");
        writer.Line();
        writer.Line("/// <summary>Creates paginators over any implementation of the client interface (a test double included).</summary>");
        writer.Line("public " + service.PaginatorsClassName + "(" + service.InterfaceName + " client) => _client = client ?? throw new global::System.ArgumentNullException(nameof(client));");
        writer.Close();
    }
}
