using System.Linq;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Emitters;

/// <summary>
/// Emits everything one operation adds: the interface and client methods, its paginator, and its server handler.
/// Partial types let each operation live in its own file, so editing one operation re-emits one file.
/// </summary>
internal static class OperationEmitter
{
    public static string Emit(OperationSpec spec)
    {
        var service = spec.Service;
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + service.Namespace);
        if (service.EmitsClient)
        {
            WriteClient(writer, spec);
            if (spec.Paginator is { } paginator && spec.InputTypeName is not null && spec.OutputTypeName is not null)
            {
                writer.Line();
                WritePaginator(writer, spec, paginator);
            }
        }

        writer.Close();
        if (service.EmitsServer)
        {
            writer.Line();
            writer.Open("namespace " + service.ServerNamespace);
            ServerEmitter.WriteOperation(writer, spec);
            writer.Close();
        }

        return writer.ToString();
    }

    private static string Result(OperationSpec spec) =>
        spec.OutputTypeName is null ? "global::System.Threading.Tasks.Task" : "global::System.Threading.Tasks.Task<" + TypeNames.Type(spec.Service, spec.OutputTypeName) + ">";

    private static string Parameters(OperationSpec spec, bool withDefault) =>
        (spec.InputTypeName is null ? string.Empty : TypeNames.Type(spec.Service, spec.InputTypeName) + " request, ")
        + TypeNames.CancellationToken + " cancellationToken" + (withDefault ? " = default" : string.Empty);

    private static void WriteDocs(SourceWriter writer, OperationSpec spec)
    {
        DocComments.Write(writer, spec.Documentation, "Calls the " + spec.Name + " operation.");
        if (spec.InputTypeName is not null)
        {
            writer.Line("/// <param name=\"request\">The request; it is validated before anything is sent.</param>");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the call, including retries and pacing waits.</param>");
        foreach (var error in spec.ErrorCodes)
        {
            writer.Line("/// <exception cref=\"" + TypeNames.Type(spec.Service, error) + "\">The service answered " + error + ".</exception>");
        }

        if (spec.Deprecated)
        {
            writer.Line("[global::System.Obsolete(" + Literals.String(spec.DeprecatedMessage ?? "The service has deprecated this operation.") + ")]");
        }
    }

    private static void WriteClient(SourceWriter writer, OperationSpec spec)
    {
        var service = spec.Service;
        writer.Open("public partial interface " + service.InterfaceName);
        WriteDocs(writer, spec);
        writer.Line(Result(spec) + " " + spec.Name + "Async(" + Parameters(spec, withDefault: true) + ");");
        writer.Close();
        writer.Line();
        writer.Open("public sealed partial class " + service.ClientClassName);
        writer.Line("/// <inheritdoc/>");
        if (spec.Deprecated)
        {
            writer.Line("[global::System.Obsolete(" + Literals.String(spec.DeprecatedMessage ?? "The service has deprecated this operation.") + ")]");
        }

        writer.Line("public " + Result(spec) + " " + spec.Name + "Async(" + Parameters(spec, withDefault: true) + ")");
        writer.Indent();
        var args = new System.Collections.Generic.List<string> { Literals.String(spec.Name), spec.RateLimit > 0 ? Literals.Double(spec.RateLimit) : "0.0" };
        if (spec.InputTypeName is not null)
        {
            args.Add("request");
            args.Add(TypeNames.Serializer(service, spec.InputTypeName) + ".Write");
            args.Add(TypeNames.Validator(service, spec.InputTypeName) + ".Validate");
        }

        if (spec.OutputTypeName is not null)
        {
            args.Add(TypeNames.Serializer(service, spec.OutputTypeName) + ".Read");
        }

        var traitsField = spec.Traits is null ? null : "s_" + spec.Name + "Traits";
        if (spec.Traits is { } traits)
        {
            args.Add(traitsField!);
            if (spec.InputTypeName is not null)
            {
                args.Add(traits.HostLabels.Count == 0 ? "null" : HostLabels(spec, traits));
            }
        }

        args.Add("cancellationToken");
        writer.Line("=> _runtime.InvokeAsync(" + string.Join(", ", args) + ");");
        writer.Outdent();
        if (spec.Traits is { } t)
        {
            // One instance per operation: the traits are the model's, the same for every call.
            writer.Line();
            writer.Line("private static readonly " + TypeNames.Runtime + ".AwsRequestTraits " + traitsField + " = new("
                + (t.HostPrefix is null ? "null" : Literals.String(t.HostPrefix)) + ", " + (t.Gzip ? "true" : "false") + ");");
        }

        writer.Close();
        if (spec.OutputTypeName is not null)
        {
            // Outputs carry the answer's request id, status and headers (ResponseMetadata), which the runtime fills in.
            writer.Line();
            writer.Open("public sealed partial record " + spec.OutputTypeName + " : " + TypeNames.Public + ".AwsResponse");
            writer.Close();
        }
    }

    /// <summary>A lambda reading the request's host-label members, by wire name, for the runtime to check and expand.</summary>
    private static string HostLabels(OperationSpec spec, RequestTraitsSpec traits) =>
        "static r => new " + TypeNames.Runtime + ".AwsHostLabel[] { "
        + string.Join(", ", traits.HostLabels.Select(label => "new(" + Literals.String(label.Name) + ", r." + label.Property + ")"))
        + " }";

    private static void WritePaginator(SourceWriter writer, OperationSpec spec, PaginatorSpec paginator)
    {
        var service = spec.Service;
        var request = TypeNames.Type(service, spec.InputTypeName!);
        var response = TypeNames.Type(service, spec.OutputTypeName!);
        var className = spec.Name + "Paginator";
        writer.Open("public sealed partial class " + service.PaginatorsClassName);
        writer.Line("/// <summary>Pages through " + spec.Name + ", starting from <paramref name=\"request\"/> (which is never modified).</summary>");
        writer.Line("/// <param name=\"request\">The first request; set its " + paginator.InputTokenProperty + " to resume from a token.</param>");
        writer.Line("public " + className + " " + spec.Name + "(" + request + " request) => new(_client, request);");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The pages, and the items on them, of a " + spec.Name + " scan. Each enumeration starts a new scan.</summary>");
        writer.Open("public sealed partial class " + className);
        writer.Line("private readonly " + TypeNames.Public + ".AwsPaginator<" + request + ", " + response + "> _pages;");
        writer.Line();
        writer.Open("internal " + className + "(" + service.InterfaceName + " client, " + request + " request)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
        writer.Line("_pages = new(" + Literals.String(spec.Name) + ", request, client." + spec.Name + "Async,");
        writer.Indent();
        writer.Line("static r => r." + paginator.InputTokenProperty + ",");
        writer.Line("static (r, token) => r with { " + paginator.InputTokenProperty + " = token },");
        writer.Line("static p => p." + paginator.OutputTokenProperty + ");");
        writer.Outdent();
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Every page, in order.</summary>");
        writer.Line("public global::System.Collections.Generic.IAsyncEnumerable<" + response + "> Responses => _pages.Responses;");
        if (paginator.ItemsProperty is { } items && paginator.ItemType is { } itemType && paginator.ItemsPath is { } path
            && items != "Responses" && items != className)
        {
            writer.Line();
            writer.Line("/// <summary>Every item of every page's " + items + ", in order.</summary>");
            writer.Line("public global::System.Collections.Generic.IAsyncEnumerable<" + itemType.CSharpType + "> " + items + " => _pages.Items(static p => " + path + ");");
        }

        writer.Close();
    }
}
