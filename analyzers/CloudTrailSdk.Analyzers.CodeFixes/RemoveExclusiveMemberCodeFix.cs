using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CloudTrailSdk.Analyzers.CodeFixes;

/// <summary>
/// CTSDK009: removes the member the diagnostic is on (the one of two mutually exclusive members written last) from
/// its object initializer or <c>with</c> expression.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveExclusiveMemberCodeFix)), Shared]
public sealed class RemoveExclusiveMemberCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MutuallyExclusive);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment
                || assignment.Left is not IdentifierNameSyntax member)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove " + member.Identifier.ValueText,
                    // RemoveNode also removes the member's separator, so the initializer's layout is kept.
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(assignment, SyntaxRemoveOptions.KeepNoTrivia)!)),
                    EquivalenceKeys.For(diagnostic.Id)),
                diagnostic);
        }
    }
}
