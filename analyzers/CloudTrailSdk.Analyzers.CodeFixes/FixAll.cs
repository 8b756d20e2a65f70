using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CloudTrailSdk.Analyzers.CodeFixes;

/// <summary>
/// Fix All for our code fixes: each document is rewritten once, with every diagnostic of the rule in it, by the same
/// rewrite the single fix uses. Not the batch fixer: it keeps only the code actions whose equivalence key matches the
/// one the host took from a first diagnostic, and `dotnet format analyzers` takes that diagnostic from everything the
/// analyzer reported, of any rule. When it was a CTSDK001 while CTSDK010 was being fixed, the key was null and Fix
/// All fixed nothing. The rules' fixes never touch another document, so a per-document rewrite loses nothing.
/// </summary>
internal static class FixAll
{
    public static FixAllProvider Create(Func<SyntaxNode, IEnumerable<Diagnostic>, SyntaxNode> rewrite) =>
        FixAllProvider.Create(async (context, document, diagnostics) => await RewriteAsync(document, diagnostics, rewrite).ConfigureAwait(false));

    private static async Task<Document?> RewriteAsync(Document document, ImmutableArray<Diagnostic> diagnostics, Func<SyntaxNode, IEnumerable<Diagnostic>, SyntaxNode> rewrite)
    {
        if (diagnostics.IsEmpty || await document.GetSyntaxRootAsync().ConfigureAwait(false) is not { } root)
        {
            return document;
        }

        return document.WithSyntaxRoot(rewrite(root, diagnostics));
    }
}
