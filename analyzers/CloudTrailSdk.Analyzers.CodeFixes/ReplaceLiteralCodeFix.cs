using System.Collections.Immutable;
using System.Composition;
using System.Threading;
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
    /// <remarks>
    /// Fix All groups fixes by equivalence key, so the key names the rule only, never the replacement: with the value
    /// in it, Fix All (and <c>dotnet format analyzers</c>) fixed only the literals that happened to get the same value.
    /// </remarks>
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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var replacement) || replacement is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            var title = "Use \"" + replacement + "\"";
            context.RegisterCodeFix(
                CodeAction.Create(title, token => ReplaceAsync(context.Document, literal, replacement, token), equivalenceKey: EquivalenceKeys.For(diagnostic.Id)),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var updated = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement))
            .WithTriviaFrom(literal);
        return document.WithSyntaxRoot(root.ReplaceNode(literal, updated));
    }
}
