using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CloudTrailSdk.Analyzers.CodeFixes;

/// <summary>
/// CTSDK010: swaps the values of the start and end members. The diagnostic is on the start's assignment; its
/// additional location is the end's.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapTimesCodeFix)), Shared]
public sealed class SwapTimesCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.TimeOrder);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.Count != 1
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax start
                || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax end
                || start.Left is not IdentifierNameSyntax startName || end.Left is not IdentifierNameSyntax endName)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Swap " + startName.Identifier.ValueText + " and " + endName.Identifier.ValueText,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNodes(
                        new[] { start.Right, end.Right },
                        (original, _) => original == start.Right
                            ? end.Right.WithTriviaFrom(start.Right)
                            : start.Right.WithTriviaFrom(end.Right)))),
                    EquivalenceKeys.For(diagnostic.Id)),
                diagnostic);
        }
    }
}
