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
        if (members.Count == 0)
        {
            return root;
        }

        // RemoveNodes also removes a member's separator: the comma after it, or before it when it is the last member
        // and has none. That last case keeps the member's trailing trivia, the space or line break before the '}'.
        var tracked = root.TrackNodes(members);
        foreach (var last in new[] { true, false })
        {
            var group = members.Where(m => IsLastWithoutSeparator(m) == last).SelectMany(m => tracked.GetCurrentNodes(m)).ToList();
            if (group.Count > 0)
            {
                tracked = tracked.RemoveNodes(group, last ? SyntaxRemoveOptions.KeepTrailingTrivia : SyntaxRemoveOptions.KeepNoTrivia)!;
            }
        }

        return tracked;
    }

    private static bool IsLastWithoutSeparator(AssignmentExpressionSyntax member) =>
        member.Parent is InitializerExpressionSyntax { Expressions: var expressions }
        && expressions.IndexOf(member) == expressions.Count - 1
        && expressions.SeparatorCount < expressions.Count;

    private static AssignmentExpressionSyntax? Target(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax, Left: IdentifierNameSyntax } assignment
            ? assignment
            : null;
}
