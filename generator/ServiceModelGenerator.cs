using System;
using System.Collections.Immutable;
using CloudTrailSdk.Generator.Diagnostics;
using CloudTrailSdk.Generator.Emitters;
using CloudTrailSdk.Generator.Input;
using CloudTrailSdk.Generator.Parsing;
using CloudTrailSdk.Generator.Specs;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Generator;

/// <summary>
/// AWS JSON service model → C#. The pipeline reads the model files picked by item metadata, builds equatable specs,
/// and fans out to one output per structure, enum, error and operation, so an edit re-emits only what it touches.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ServiceModelGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => ModelFileSelector.Select(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .Where(static file => file is not null)
            .WithTrackingName(TrackingNames.ModelFiles);

        var models = files
            .Collect()
            .SelectMany(static (all, _) => ModelGrouper.Group(all))
            .WithTrackingName(TrackingNames.ModelInputs)
            .Select(static (input, ct) => ModelBuilder.Build(input, ct))
            .WithTrackingName(TrackingNames.BuiltModels);

        var diagnostics = models.Select(static (m, _) => m.Diagnostics).WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        // Each model is built alone; only here do two of them meet, and two in one namespace declare the same types.
        var services = models
            .SelectMany(static (m, _) => m.Service.Count > 0 ? ImmutableArray.Create(m.Service[0].Service) : ImmutableArray<ServiceContext>.Empty)
            .Collect();
        context.RegisterSourceOutput(services, static (spc, all) =>
        {
            foreach (var clash in ModelClashes.Find(all))
            {
                spc.ReportDiagnostic(clash.ToDiagnostic());
            }
        });

        Register(context, models.SelectMany(static (m, _) => m.Structures).Where(static s => s.Service.EmitsClient).WithTrackingName(TrackingNames.Structures),
            static s => s.Service.HintPrefix + "." + s.HintName, StructureEmitter.Emit);
        Register(context, models.SelectMany(static (m, _) => m.Enums).Where(static s => s.Service.EmitsClient).WithTrackingName(TrackingNames.Enums),
            static s => s.Service.HintPrefix + "." + s.HintName, EnumEmitter.Emit);
        Register(context, models.SelectMany(static (m, _) => m.Errors).Where(static s => s.Service.EmitsClient).WithTrackingName(TrackingNames.Errors),
            static s => s.Service.HintPrefix + "." + s.HintName, ErrorEmitter.Emit);
        Register(context, models.SelectMany(static (m, _) => m.Operations).WithTrackingName(TrackingNames.Operations),
            static s => s.Service.HintPrefix + "." + s.HintName, OperationEmitter.Emit);
        Register(context, models.SelectMany(static (m, _) => m.Service).WithTrackingName(TrackingNames.Service),
            static s => s.Service.HintPrefix + ".Service." + s.Service.ClientName, ServiceEmitter.Emit);
    }

    // In Server mode the types come from the referenced SDK assembly; only the dispatcher is this project's own.

    /// <summary>Adds one source per spec; an emitter failure becomes a diagnostic instead of CS8785.</summary>
    private static void Register<T>(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<T> specs, Func<T, string> hintName, Func<T, string> emit)
    {
        context.RegisterSourceOutput(specs, (spc, spec) =>
        {
            var hint = hintName(spec) + ".g.cs";
            string text;
            try
            {
                text = emit(spec);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                spc.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.InternalError, Location.None,
                    "Emitting " + hint + " failed: " + ex.GetType().Name + ": " + ex.Message));
                return;
            }

            spc.AddSource(hint, text);
        });
    }
}
