using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using CloudTrailSdk.Rules;

namespace CloudTrailSdk.Sdk.Tests.Rules;

/// <summary>
/// The generated validators call the checker customizations.json declares for each named rule; the analyzers reach the
/// same rules by name through <see cref="NamedRules"/>. Both must name the same rules and reach the same methods.
/// </summary>
[Trait("Category", "Unit")]
public class NamedRulesDeclarationTests
{
    private static readonly string[] Samples =
    {
        "MyTrail", "my--trail", "ab", "192.168.5.4", "-trail", "arn:aws:cloudtrail:us-east-1:123456789012:trail/MyTrail",
        "arn:aws:cloudtrail:us-east-1:123:trail/x", "my trail",
    };

    [Fact]
    public void CustomizationsDeclareExactlyTheRulesTheCatalogKnows()
    {
        var declared = Declared().Select(d => d.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(NamedRules.Names.OrderBy(n => n, StringComparer.Ordinal), declared);
    }

    [Fact]
    public void EachDeclaredCheckerGivesTheCatalogsVerdict()
    {
        foreach (var (name, check) in Declared())
        {
            var split = check.LastIndexOf('.');
            var type = typeof(NamedRules).Assembly.GetType(check[..split]) ?? throw new Xunit.Sdk.XunitException("no type for " + check);
            var method = type.GetMethod(check[(split + 1)..], BindingFlags.Public | BindingFlags.Static, new[] { typeof(string) })
                ?? throw new Xunit.Sdk.XunitException("no public static method(string) " + check);
            foreach (var sample in Samples)
            {
                Assert.Equal(NamedRules.Check(name, sample), (string?)method.Invoke(null, new object[] { sample }));
            }
        }
    }

    private static (string Name, string Check)[] Declared()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CloudTrailSdk.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? throw new Xunit.Sdk.XunitException("no CloudTrailSdk.sln above the tests"), "model", "cloudtrail", "customizations.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("namedRules").EnumerateArray()
            .Select(e => (e.GetProperty("name").GetString()!, e.GetProperty("check").GetString()!))
            .ToArray();
    }
}
