using System.Collections.Immutable;
using CloudTrailSdk.Analyzers.Flow;
using CloudTrailSdk.Analyzers.ShapeRules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CloudTrailSdk.Analyzers;

/// <summary>
/// Checks constants flowing into members that carry the runtime's constraint attributes: property assignments
/// (object initializers, <c>with</c> expressions), constructor and method arguments, and collections written in place.
/// Model-driven: it knows attribute types, never service, type or member names.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstraintAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        ConstraintDescriptors.NamedRule,
        ConstraintDescriptors.WeightedLength,
        ConstraintDescriptors.Count,
        ConstraintDescriptors.Length,
        ConstraintDescriptors.Range,
        ConstraintDescriptors.Pattern,
        ConstraintDescriptors.UnknownEnumValue,
        ConstraintDescriptors.AllowedValues,
        ConstraintDescriptors.MutuallyExclusive,
        ConstraintDescriptors.TimeOrder,
        ConstraintDescriptors.AllowedWhen);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is the SDK's own or another generator's; its authors cannot act on a squiggle there.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        if (ConstraintTypes.Resolve(context.Compilation) is not { } types)
        {
            return; // The compilation does not use the SDK runtime: register nothing, cost nothing.
        }

        var reader = new ConstraintReader(types);
        var shapes = types.ShapeRule is { } shapeRule ? new ShapeRuleChecker(new ShapeRuleReader(shapeRule, types), reader) : null;
        var fields = new FieldFlow();
        fields.Register(context, reader);

        // Compilation-wide operation actions, not one block-start action per body: most bodies of a project never
        // touch a constrained member, and a per-body action (with its per-body state) cost every one of them. The
        // flow of a body is created on the first value in it that is read from a local (see BodyFlows).
        var flows = new BodyFlows();
        context.RegisterOperationAction(c => OnAssignment(c, reader, flows, fields), OperationKind.SimpleAssignment);
        context.RegisterOperationAction(c => OnArgument(c, reader, flows, fields), OperationKind.Argument);
        context.RegisterOperationAction(c => OnEnumConversion(c, reader), OperationKind.Conversion);

        // One action per creation for both checks: every object creation in the project reaches it.
        context.RegisterOperationAction(
            c =>
            {
                if (c.Operation is IObjectCreationOperation creation)
                {
                    OnEnumCreation(c, creation, reader);
                }

                shapes?.Check(c);
            },
            OperationKind.ObjectCreation,
            OperationKind.With);
    }

    private static void OnAssignment(OperationAnalysisContext context, ConstraintReader reader, BodyFlows flows, FieldFlow fields)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property: var property }
            && reader.For(property) is { Length: > 0 } constraints)
        {
            var checker = new ConstraintChecker(reader, flows, fields);
            checker.CheckFlow(assignment.Value, constraints, MemberNames.Of(property));
            Report(context, checker);
        }
    }

    private static void OnArgument(OperationAnalysisContext context, ConstraintReader reader, BodyFlows flows, FieldFlow fields)
    {
        var argument = (IArgumentOperation)context.Operation;

        // A default the compiler filled in was written by the SDK's author, not by the user.
        if (argument.ArgumentKind != ArgumentKind.DefaultValue
            && argument.Parameter is { } parameter
            && reader.For(parameter) is { Length: > 0 } constraints)
        {
            var checker = new ConstraintChecker(reader, flows, fields);
            checker.CheckFlow(argument.Value, constraints, MemberNames.Of(parameter));
            Report(context, checker);
        }
    }

    private static void OnEnumConversion(OperationAnalysisContext context, ConstraintReader reader)
    {
        // The string-backed enum's implicit (or explicit) operator from a constant string, wherever the result goes.
        // The operand's type is tested first: it is already known, where the operator is looked up on first access,
        // and every conversion in the project reaches this action.
        var conversion = (IConversionOperation)context.Operation;
        if (conversion.Operand.Type?.SpecialType == SpecialType.System_String
            && conversion.OperatorMethod is { } method
            && reader.KnownValues(method.ContainingType) is { } known)
        {
            var checker = new ConstraintChecker(reader);
            checker.CheckEnum(conversion.Operand, known, MemberNames.OfEnumTarget(conversion, method.ContainingType));
            Report(context, checker);
        }
    }

    private static void OnEnumCreation(OperationAnalysisContext context, IObjectCreationOperation creation, ConstraintReader reader)
    {
        if (creation.Type is { } type
            && creation.Arguments.Length == 1
            && reader.KnownValues(type) is { } known)
        {
            var checker = new ConstraintChecker(reader);
            checker.CheckEnum(creation.Arguments[0].Value, known, MemberNames.OfEnumTarget(creation, type));
            Report(context, checker);
        }
    }

    private static void Report(OperationAnalysisContext context, ConstraintChecker checker)
    {
        if (checker.Found is { } found)
        {
            foreach (var diagnostic in found)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }
}
