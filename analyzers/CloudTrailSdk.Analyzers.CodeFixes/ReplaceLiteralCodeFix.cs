using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CloudTrailSdk.Analyzers.CodeFixes;

/// <summary>
/// Replaces an offending string literal with the value the analyzer proposed: a corrected trail name (CTSDK001,
/// from <c>TrailNameRule.Suggest</c>) or the closest known enum value (CTSDK007, from <c>EnumRule.Closest</c>). The
/// analyzer computes the replacement with the shared rules, so this assembly carries no rule code. Only literals are
/// rewritten: a const field, concatenation or interpolation states an intent a literal would silently discard.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceLiteralCodeFix)), Shared]
public sealed class ReplaceLiteralCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.NamedRule, RuleIdentifiers.UnknownEnumValue);

    /// <inheritdoc/>
    /// <remarks>Every diagnostic of the rule, whatever its replacement (see <see cref="FixAll"/>).</remarks>
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
            if (Target(root, diagnostic) is not { } target)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create("Use \"" + target.Replacement + "\"", _ => Task.FromResult(document.WithSyntaxRoot(Rewrite(root, new[] { diagnostic }))), EquivalenceKeys.For(diagnostic.Id)),
                diagnostic);
        }
    }

    private static SyntaxNode Rewrite(SyntaxNode root, IEnumerable<Diagnostic> diagnostics)
    {
        var replacements = new Dictionary<SyntaxNode, string>();
        foreach (var diagnostic in diagnostics)
        {
            if (Target(root, diagnostic) is { } target)
            {
                replacements[target.Literal] = target.Replacement;
            }
        }

        return root.ReplaceNodes(replacements.Keys, (original, _) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacements[original])).WithTriviaFrom(original));
    }

    private static (LiteralExpressionSyntax Literal, string Replacement)? Target(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var replacement) || replacement is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return null;
        }

        return (literal, replacement);
    }
}
