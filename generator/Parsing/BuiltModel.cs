using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Parsing;

/// <summary>
/// Everything one model yields: the specs each emitter consumes and the diagnostics found on the way. When the model
/// has errors the spec lists are empty: half a client would only bury the real problem under compile errors.
/// </summary>
internal sealed record BuiltModel(
    EquatableArray<StructureSpec> Structures,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<ErrorSpec> Errors,
    EquatableArray<OperationSpec> Operations,
    EquatableArray<ServiceUnitSpec> Service,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static BuiltModel Failed(EquatableArray<DiagnosticInfo> diagnostics) => new(
        EquatableArray<StructureSpec>.Empty,
        EquatableArray<EnumSpec>.Empty,
        EquatableArray<ErrorSpec>.Empty,
        EquatableArray<OperationSpec>.Empty,
        EquatableArray<ServiceUnitSpec>.Empty,
        diagnostics);
}
