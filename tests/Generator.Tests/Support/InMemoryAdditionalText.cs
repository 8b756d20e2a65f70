using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CloudTrailSdk.Generator.Tests.Support;

/// <summary>An AdditionalText that lives in memory; a new instance with the same text is a different object.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, System.Text.Encoding.UTF8);
    }

    public override string Path { get; }

    public string Content => _text.ToString();

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
