using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
    public override FixAllProvider GetFixAllProvider() => FixAll.Create(Rewrite);

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
            if (Target(root, diagnostic) is not { Left: IdentifierNameSyntax member })
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create("Remove " + member.Identifier.ValueText, _ => Task.FromResult(document.WithSyntaxRoot(Rewrite(root, new[] { diagnostic }))), EquivalenceKeys.For(diagnostic.Id)),
                diagnostic);
        }
    }

    private static SyntaxNode Rewrite(SyntaxNode root, IEnumerable<Diagnostic> diagnostics)
    {
        var members = diagnostics.Select(d => Target(root, d)).OfType<AssignmentExpressionSyntax>().Distinct().ToList();

        // RemoveNodes also removes each member's separator, so the initializer's layout is kept.
        return members.Count == 0 ? root : root.RemoveNodes(members, SyntaxRemoveOptions.KeepNoTrivia)!;
    }

    private static AssignmentExpressionSyntax? Target(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax, Left: IdentifierNameSyntax } assignment
            ? assignment
            : null;
}
