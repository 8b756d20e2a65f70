using System.Collections.Generic;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Emitters;

/// <summary>
/// Emits the service side: an abstract base with one overridable hook per operation, and the dispatch that reads,
/// validates and answers a call with the same generated code the client uses. Behaviour is the subclass's; the
/// envelope (HTTP, target, signatures, limits) is the host's, through <c>IAwsJsonService</c>.
/// </summary>
internal static class ServerEmitter
{
    private const string Server = TypeNames.Runtime + ".Server";
    private const string Task = "global::System.Threading.Tasks.Task";

    public static void WriteService(SourceWriter writer, ServiceUnitSpec spec)
    {
        var service = spec.Service;
        writer.Line("/// <summary>The service side of " + service.ServiceId + ": override an operation's hook to give it behaviour; the rest answer UnsupportedOperationException.</summary>");
        writer.Open("public abstract partial class " + service.ServerBaseName + " : " + Server + ".IAwsJsonService");
        writer.Line("/// <summary>The X-Amz-Target prefix this service answers to.</summary>");
        writer.Line("public const string TargetPrefix = " + Literals.String(service.TargetPrefix) + ";");
        writer.Line();
        writer.Line("/// <summary>The awsJson version of the service's bodies (1.0 or 1.1).</summary>");
        writer.Line("public const string JsonVersion = " + Literals.String(service.JsonVersion) + ";");
        writer.Line();
        writer.Line("/// <summary>The operations this service has, in model order.</summary>");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<string> Operations { get; } = " + Literals.StringArray(spec.Operations) + ";");
        writer.Line();
        writer.Line("string " + Server + ".IAwsJsonService.TargetPrefix => TargetPrefix;");
        writer.Line();
        writer.Line("string " + Server + ".IAwsJsonService.JsonVersion => JsonVersion;");
        writer.Line();
        writer.Line("global::System.Collections.Generic.IReadOnlyList<string> " + Server + ".IAwsJsonService.Operations => Operations;");
        writer.Line();
        writer.Line("/// <summary>The documented request rate of an operation per account and region (requests per second), or 0 when it has none.</summary>");
        writer.Open("public static double RateLimitOf(string operation)");
        writer.Open("switch (operation)");
        foreach (var rate in spec.RateLimits)
        {
            writer.Line("case " + Literals.String(rate.Operation) + ": return " + Literals.Double(rate.RequestsPerSecond) + ";");
        }

        writer.Line("default: return 0.0;");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("double " + Server + ".IAwsJsonService.RateLimitOf(string operation) => RateLimitOf(operation);");
        writer.Line();
        writer.Line("/// <summary>Reads, validates and runs one call, and writes its answer or error. Override to act around every call (recording, journaling); call the base to run it.</summary>");
        writer.Open("public virtual " + Task + "<" + Server + ".AwsServerResult> DispatchAsync(string operation, global::System.ReadOnlyMemory<byte> body, " + Server + ".AwsServerContext context, " + TypeNames.CancellationToken + " cancellationToken = default)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(context);");
        writer.Open("switch (operation)");
        foreach (var op in spec.Operations)
        {
            writer.Line("case " + Literals.String(op) + ": return Dispatch" + op + "(body, context, cancellationToken);");
        }

        writer.Line("default: return " + Task + ".FromResult(" + Server + ".AwsServerDispatch.UnknownOperation(operation));");
        writer.Close();
        writer.Close();
        writer.Close();
    }

    public static void WriteOperation(SourceWriter writer, OperationSpec spec)
    {
        var service = spec.Service;
        writer.Open("public abstract partial class " + service.ServerBaseName);
        DocComments.Write(writer, spec.Documentation, "Handles " + spec.Name + ".");
        var result = spec.OutputTypeName is null ? Task : Task + "<" + TypeNames.Type(service, spec.OutputTypeName) + ">";
        var parameters = (spec.InputTypeName is null ? string.Empty : TypeNames.Type(service, spec.InputTypeName) + " request, ")
            + Server + ".AwsServerContext context, " + TypeNames.CancellationToken + " cancellationToken";
        writer.Line("protected virtual " + result + " " + spec.Name + "Async(" + parameters + ")");
        writer.Indent();
        writer.Line("=> throw " + Server + ".AwsServerDispatch.NotImplemented(" + Literals.String(spec.Name) + ");");
        writer.Outdent();
        writer.Line();
        writer.Line("private " + Task + "<" + Server + ".AwsServerResult> Dispatch" + spec.Name + "(global::System.ReadOnlyMemory<byte> body, " + Server + ".AwsServerContext context, " + TypeNames.CancellationToken + " cancellationToken)");
        writer.Indent();
        var args = new List<string> { "body", "context" };
        if (spec.InputTypeName is not null)
        {
            args.Add(TypeNames.Serializer(service, spec.InputTypeName) + ".Read");
            args.Add(TypeNames.Validator(service, spec.InputTypeName) + ".Validate");
        }

        args.Add(spec.Name + "Async");
        if (spec.OutputTypeName is not null)
        {
            args.Add(TypeNames.Serializer(service, spec.OutputTypeName) + ".Write");
        }

        args.Add("cancellationToken");
        writer.Line("=> " + Server + ".AwsServerDispatch.HandleAsync(" + string.Join(", ", args) + ");");
        writer.Outdent();
        writer.Close();
    }
}
