using CloudTrailSdk.Generator.Specs;

namespace CloudTrailSdk.Generator.Input;

internal enum ModelFileKind
{
    Service,
    Paginators,
    Customizations,
}

/// <summary>
/// One AdditionalFile the project marked as part of a model, with its text and options. Holding the text (not the
/// AdditionalText) keeps the step equatable: the same text in a new AdditionalText compares equal.
/// </summary>
internal sealed record ModelFile(
    string Path,
    string Text,
    ModelFileKind Kind,
    string ModelId,
    string? Namespace,
    string? ClientName,
    string? Emit,
    string? Problem);

/// <summary>The files of one model id, grouped, with what was wrong with the grouping.</summary>
internal sealed record ModelInput(
    string ModelId,
    ModelFile? Service,
    ModelFile? Paginators,
    ModelFile? Customizations,
    EquatableArray<Diagnostics.DiagnosticInfo> Problems,
    string HintPrefix);
