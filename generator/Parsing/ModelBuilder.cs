using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Input;
using CloudTrailSdk.Generator.Json;
using CloudTrailSdk.Generator.Naming;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>
/// Turns one model's files into specs. Every problem becomes a diagnostic at the offending JSON; nothing throws out of
/// <see cref="Build"/>, because an exception leaving a generator (CS8785) would cost the user all generated code.
/// </summary>
internal sealed partial class ModelBuilder
{
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<string, RawShape> _shapes = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancellationToken;
    private DiagnosticSink _sink = null!;
    private ServiceContext _service = null!;
    private string? _serviceDocumentation;

    private ModelBuilder(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    public static BuiltModel Build(ModelInput input, CancellationToken cancellationToken)
    {
        var builder = new ModelBuilder(cancellationToken);
        try
        {
            return builder.Run(input);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            var path = input.Service?.Path ?? string.Empty;
            builder._diagnostics.Add(new DiagnosticInfo(
                GeneratorDiagnostics.InternalError.Id,
                "The generator failed on model '" + input.ModelId + "': " + ex.GetType().Name + ": " + ex.Message,
                path, 0, 0, 0, 0, 0, 0));
            return BuiltModel.Failed(builder._diagnostics.ToEquatableArray());
        }
    }

    private BuiltModel Run(ModelInput input)
    {
        _diagnostics.AddRange(input.Problems);
        if (input.Service is null || input.Problems.Count > 0)
        {
            return BuiltModel.Failed(_diagnostics.ToEquatableArray());
        }

        var file = input.Service;
        _sink = new DiagnosticSink(file.Path, file.Text, _diagnostics);
        var root = ParseRoot(file.Text, _sink);
        if (root is null || !ReadService(root, file, input.HintPrefix))
        {
            return BuiltModel.Failed(_diagnostics.ToEquatableArray());
        }

        var shapesNode = JsonAccess.Object(root, "shapes", _sink, GeneratorDiagnostics.MissingMetadata, "The model", required: true);
        var operationsNode = JsonAccess.Object(root, "operations", _sink, GeneratorDiagnostics.MissingMetadata, "The model", required: true);
        if (shapesNode is null || operationsNode is null)
        {
            return BuiltModel.Failed(_diagnostics.ToEquatableArray());
        }

        ReadShapes(shapesNode);
        AssignTypeNames(operationsNode);
        IndexOperations(operationsNode);
        ResolveAllShapes();
        var customizations = input.Customizations is null ? Customizations.None : ReadCustomizations(input.Customizations);
        var operations = ReadOperations(customizations);
        var paginators = input.Paginators is null
            ? new Dictionary<string, PaginatorSpec>()
            : ReadPaginators(input.Paginators, operations);
        InferPaginators(operations, paginators);

        var structures = BuildStructures(customizations);
        var enums = BuildEnums();
        var errors = BuildErrors();
        var finalOperations = operations
            .Select(o => o.Spec with { Paginator = paginators.TryGetValue(o.Spec.Name, out var p) ? p : null })
            .ToList();
        var responseTypes = new HashSet<string>(finalOperations.Select(o => o.OutputTypeName).OfType<string>(), StringComparer.Ordinal);
        structures = structures.Select(st => responseTypes.Contains(st.TypeName) ? st with { IsResponse = true } : st).ToList();

        if (_diagnostics.Any(d => GeneratorDiagnostics.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
        {
            return BuiltModel.Failed(_diagnostics.ToEquatableArray());
        }

        var hints = new HintNames();
        structures = structures.Select(s => s with { HintName = hints.Unique("Shapes." + s.TypeName) }).ToList();
        enums = enums.Select(s => s with { HintName = hints.Unique("Enums." + s.TypeName) }).ToList();
        errors = errors.Select(s => s with { HintName = hints.Unique("Errors." + s.TypeName) }).ToList();
        finalOperations = finalOperations.Select(s => s with { HintName = hints.Unique("Operations." + s.Name) }).ToList();

        var unit = new ServiceUnitSpec(
            _service,
            _serviceDocumentation,
            finalOperations.Select(o => o.Name).ToEquatableArray(),
            finalOperations.Where(o => o.Paginator is not null).Select(o => o.Name).ToEquatableArray(),
            errors.Select(e => new ErrorSummary(e.Code, e.TypeName)).ToEquatableArray(),
            finalOperations.Where(o => o.RateLimit > 0).Select(o => new OperationRate(o.Name, o.RateLimit)).ToEquatableArray());

        return new BuiltModel(
            structures.ToEquatableArray(),
            enums.ToEquatableArray(),
            errors.ToEquatableArray(),
            finalOperations.ToEquatableArray(),
            new EquatableArray<ServiceUnitSpec>(new[] { unit }),
            _diagnostics.ToEquatableArray());
    }

    private JsonObject? ParseRoot(string text, DiagnosticSink sink)
    {
        var result = JsonParser.Parse(text, _cancellationToken);
        if (result.Error is { } error)
        {
            sink.Report(GeneratorDiagnostics.MalformedJson, error.Offset, error.Offset, sink.Path + ": " + error.Message);
            return null;
        }

        if (result.Root is JsonObject obj)
        {
            return obj;
        }

        sink.Report(GeneratorDiagnostics.MalformedJson, result.Root, "The file must hold a JSON object");
        return null;
    }

    private bool ReadService(JsonObject root, ModelFile file, string hintPrefix)
    {
        var metadata = JsonAccess.Object(root, "metadata", _sink, GeneratorDiagnostics.MissingMetadata, "The model", required: true);
        if (metadata is null)
        {
            return false;
        }

        const string where = "metadata";
        var protocol = JsonAccess.String(metadata, "protocol", _sink, GeneratorDiagnostics.MissingMetadata, where, required: true);
        var jsonVersion = JsonAccess.String(metadata, "jsonVersion", _sink, GeneratorDiagnostics.MissingMetadata, where, required: true);
        var targetPrefix = JsonAccess.String(metadata, "targetPrefix", _sink, GeneratorDiagnostics.MissingMetadata, where, required: true);
        var serviceId = JsonAccess.String(metadata, "serviceId", _sink, GeneratorDiagnostics.MissingMetadata, where, required: true);
        var endpointPrefix = JsonAccess.String(metadata, "endpointPrefix", _sink, GeneratorDiagnostics.MissingMetadata, where, required: true);
        var apiVersion = JsonAccess.String(metadata, "apiVersion", _sink, GeneratorDiagnostics.MissingMetadata, where, required: true);
        var signingName = JsonAccess.String(metadata, "signingName", _sink, GeneratorDiagnostics.MissingMetadata, where, required: false);
        if (protocol is null || jsonVersion is null || targetPrefix is null || serviceId is null || endpointPrefix is null || apiVersion is null)
        {
            return false;
        }

        // Newer models list every protocol the service speaks and name their preferred one first; awsJson in the
        // list is enough for us, whatever comes first.
        if (protocol != "json" && metadata.TryGet("protocols", out var protocols) && protocols is JsonArray list
            && list.Items.Any(p => p is JsonString { Value: "json" }))
        {
            protocol = "json";
        }

        if (protocol != "json")
        {
            _sink.Report(GeneratorDiagnostics.UnsupportedProtocol, metadata["protocol"],
                "Protocol '" + protocol + "' is not supported; this generator emits AWS JSON 1.0/1.1 clients (protocol 'json')");
            return false;
        }

        if (jsonVersion != "1.0" && jsonVersion != "1.1")
        {
            _sink.Report(GeneratorDiagnostics.UnsupportedProtocol, metadata["jsonVersion"],
                "jsonVersion '" + jsonVersion + "' is not supported; expected '1.0' or '1.1'");
            return false;
        }

        var clientName = file.ClientName ?? Identifiers.Pascal(serviceId);
        var ns = file.Namespace ?? clientName;
        if (!Identifiers.IsValidIdentifier(clientName))
        {
            _sink.Report(GeneratorDiagnostics.NameClash, metadata, "Client name '" + clientName + "' (AwsClientName metadata or metadata.serviceId) is not a valid C# identifier");
            return false;
        }

        if (!Identifiers.IsValidNamespace(ns))
        {
            _sink.Report(GeneratorDiagnostics.NameClash, metadata, "Namespace '" + ns + "' (AwsNamespace metadata) is not a valid C# namespace: each dotted part must be an identifier and not a keyword");
            return false;
        }

        var emit = EmitMode.Client;
        if (file.Emit is { } emitText)
        {
            if (!Enum.TryParse(emitText, ignoreCase: true, out emit) || !Enum.IsDefined(typeof(EmitMode), emit))
            {
                _sink.Report(GeneratorDiagnostics.ModelFileSetup, 0, 0, "AwsEmit metadata is '" + emitText + "'; expected Client, Server or All");
                return false;
            }
        }

        _serviceDocumentation = root.TryGet("documentation", out var doc) && doc is JsonString ds ? ds.Value : null;
        _service = new ServiceContext(file.ModelId, ns, clientName, serviceId, targetPrefix, jsonVersion,
            signingName ?? endpointPrefix, endpointPrefix, apiVersion, emit)
        {
            HintPrefix = hintPrefix,
            ServicePath = file.Path,
        };
        return true;
    }
}
