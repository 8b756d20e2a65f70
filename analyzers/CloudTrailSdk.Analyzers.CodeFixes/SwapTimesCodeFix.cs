using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CloudTrailSdk.Analyzers.CodeFixes;

/// <summary>
/// CTSDK010: swaps the values of the start and end members. The diagnostic is on the start's assignment; the end is
/// its additional location, or found by the name the analyzer put in its properties.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapTimesCodeFix)), Shared]
public sealed class SwapTimesCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.TimeOrder);

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
            if (Target(root, diagnostic) is not { } pair
                || pair.Start.Left is not IdentifierNameSyntax startName || pair.End.Left is not IdentifierNameSyntax endName)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Swap " + startName.Identifier.ValueText + " and " + endName.Identifier.ValueText,
                    _ => Task.FromResult(document.WithSyntaxRoot(Rewrite(root, new[] { diagnostic }))),
                    EquivalenceKeys.For(diagnostic.Id)),
                diagnostic);
        }
    }

    private static SyntaxNode Rewrite(SyntaxNode root, IEnumerable<Diagnostic> diagnostics)
    {
        // Each value goes where the other was, keeping the trivia of the place it lands in.
        var swapped = new Dictionary<SyntaxNode, ExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (Target(root, diagnostic) is { } pair && !swapped.ContainsKey(pair.Start.Right) && !swapped.ContainsKey(pair.End.Right))
            {
                swapped[pair.Start.Right] = pair.End.Right.WithTriviaFrom(pair.Start.Right);
                swapped[pair.End.Right] = pair.Start.Right.WithTriviaFrom(pair.End.Right);
            }
        }

        return root.ReplaceNodes(swapped.Keys, (original, _) => swapped[original]);
    }

    private static (AssignmentExpressionSyntax Start, AssignmentExpressionSyntax End)? Target(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is AssignmentExpressionSyntax start && EndOf(root, start, diagnostic) is { } end
            ? (start, end)
            : null;

    /// <summary>
    /// The end member's assignment: at the diagnostic's additional location where the host kept it, otherwise by the
    /// name the analyzer put in the properties, among the start's siblings.
    /// </summary>
    private static AssignmentExpressionSyntax? EndOf(SyntaxNode root, AssignmentExpressionSyntax start, Diagnostic diagnostic)
    {
        if (diagnostic.AdditionalLocations.Count == 1
            && root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is AssignmentExpressionSyntax located)
        {
            return located;
        }

        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.OtherMember, out var name) || name is null
            || start.Parent is not InitializerExpressionSyntax initializer)
        {
            return null;
        }

        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax member } candidate && member.Identifier.ValueText == name)
            {
                return candidate;
            }
        }

        return null;
    }
}
