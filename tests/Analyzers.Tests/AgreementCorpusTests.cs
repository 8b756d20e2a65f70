using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CloudTrailSdk.Analyzers.Tests.Support;
using CloudTrailSdk.Runtime.Validation;
using Microsoft.CodeAnalysis.CSharp;

namespace CloudTrailSdk.Analyzers.Tests;

/// <summary>
/// One rule, one implementation, proven: the analyzer and the runtime validator see the same corpus (seed examples,
/// edge cases and thousands of generated strings) and must agree on every value, verdict and message alike.
/// </summary>
[Trait("Category", "Unit")]
public sealed class AgreementCorpusTests
{
    private const int Seed = 20131101;
    private const int Generated = 4000;

    [Fact]
    public async Task Analyzer_and_validator_agree_on_trail_names()
    {
        var corpus = Corpus();
        var source = new StringBuilder("using CloudTrailSdk;\nstatic class Corpus\n{\n    public static object[] All =\n    [\n");
        foreach (var value in corpus)
        {
            // One value per line, so a diagnostic's line says which value it is about.
            source.Append("        new CreateTrailRequest { Name = ").Append(SymbolDisplay.FormatLiteral(value, quote: true)).Append(", S3BucketName = \"b\" },\n");
        }

        source.Append("    ];\n}\n");
        const int FirstLine = 5;

        var diagnostics = await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(source.ToString()));
        var byLine = diagnostics.ToDictionary(d => d.Location.GetLineSpan().StartLinePosition.Line - FirstLine);
        Assert.All(diagnostics, d => Assert.Equal("CTSDK001", d.Id));

        var disagreements = new List<string>();
        for (var i = 0; i < corpus.Count; i++)
        {
            var issues = new ValidationCollector();
            Validation.CreateTrailRequestValidator.Validate(new CreateTrailRequest { Name = corpus[i], S3BucketName = "b" }, issues, string.Empty);
            var runtime = issues.Issues.SingleOrDefault(issue => issue.Path == "Name")?.Message;
            var analyzer = byLine.TryGetValue(i, out var diagnostic) ? diagnostic.GetMessage() : null;
            var expected = runtime is null ? null : "CreateTrailRequest.Name: " + runtime;
            if (!string.Equals(expected, analyzer, StringComparison.Ordinal))
            {
                disagreements.Add(SymbolDisplay.FormatLiteral(corpus[i], quote: true) + ": runtime <" + expected + "> analyzer <" + analyzer + ">");
            }
        }

        Assert.True(disagreements.Count == 0, disagreements.Count + " disagreements:\n" + string.Join("\n", disagreements.Take(20)));

        // The corpus must exercise both verdicts, or agreement proves little.
        Assert.InRange(byLine.Count, corpus.Count / 10, corpus.Count - corpus.Count / 10);
    }

    private static List<string> Corpus()
    {
        var values = new List<string>
        {
            // The seed examples and the edges of every rule.
            "my--trail", "my-_trail", "a..b", "192.168.5.4", "10.0.0.1", "1.2.3.4.5", "1.2.3", "999.999.999.999",
            "", "a", "ab", "abc", new string('a', 128), new string('a', 129), "-abc", "abc-", "_abc", "abc.",
            "audit-trail", "a.b_c-d", "my trail", "trail!", "tráil", "trail\n", "\ud83d\ude00abc",
            "arn:aws:cloudtrail:us-east-1:123456789012:trail/my-trail",
            "arn:aws:cloudtrail:us-east-1:12345678901:trail/my-trail",
            "arn:aws:cloudtrail:us-east-1:123456789012:trail/a--b",
            "arn:aws:s3:::bucket",
        };

        var random = new Random(Seed);
        const string Legal = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        const string Separators = "._-";
        const string Odd = " @/:é\t";
        for (var n = 0; n < Generated; n++)
        {
            var shape = random.Next(6);
            if (shape == 0)
            {
                // IP-like: four (sometimes three or five) groups of 1 to 4 digits.
                var groups = random.Next(3, 6);
                values.Add(string.Join(".", Enumerable.Range(0, groups).Select(_ => random.Next(0, random.Next(2) == 0 ? 1000 : 10000).ToString(System.Globalization.CultureInfo.InvariantCulture))));
                continue;
            }

            var length = shape == 1 ? random.Next(120, 135) : random.Next(0, 20);
            var text = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                var pick = random.Next(100);
                text.Append(pick < 80 ? Legal[random.Next(Legal.Length)] : pick < 97 ? Separators[random.Next(Separators.Length)] : Odd[random.Next(Odd.Length)]);
            }

            values.Add(shape == 2 ? "arn:aws:cloudtrail:us-east-1:123456789012:trail/" + text : text.ToString());
        }

        return values;
    }
}
