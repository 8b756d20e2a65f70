using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CloudTrailSdk.Testing;

/// <summary>An AdditionalText that lives in memory; a new instance with the same text is a different object.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    /// <summary>Creates the file.</summary>
    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, System.Text.Encoding.UTF8);
    }

    /// <inheritdoc/>
    public override string Path { get; }

    /// <summary>The text.</summary>
    public string Content => _text.ToString();

    /// <inheritdoc/>
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
