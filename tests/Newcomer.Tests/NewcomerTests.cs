using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CloudTrailSdk.Newcomer.Tests.Support;
using Xunit.Abstractions;

namespace CloudTrailSdk.Newcomer.Tests;

/// <summary>
/// What a new user does with the packages: add them to a fresh console app, write ten lines, see the analyzer catch a
/// mistake at the line it is on, fix it, run against the fake; and, with the generator package, bring a model of their own.
/// The packages are packed once for both tests (see <see cref="NewcomerWorkspace"/>).
/// </summary>
[Trait("Category", "Packaging")]
[Collection(NewcomerCollection.Name)]
public sealed class NewcomerTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(3);

    private readonly NewcomerWorkspace _workspace;
    private readonly ITestOutputHelper _output;

    public NewcomerTests(NewcomerWorkspace workspace, ITestOutputHelper output)
    {
        _workspace = workspace;
        _output = output;
    }

    [Fact]
    public void SdkPackage_AnalyzerFailsTheBuildAtTheLine_ThenTheFixedProgramRunsAgainstTheFake()
    {
        try
        {
            _workspace.EnsureReady();
            var app = NewConsole("Newcomer", "app");
            Succeeds(_workspace.Dotnet(app, Step, "add", "package", "CloudTrailSdk", "--version", _workspace.PackageVersion));
            Succeeds(_workspace.Dotnet(app, Step, "add", "package", "CloudTrailSdk.Fake", "--version", _workspace.PackageVersion));

            // The mistake: two '-' in a row. The analyzer in the package must fail the build at the literal.
            var program = Path.Combine(app, "Program.cs");
            File.WriteAllText(program, CloudTrailProgram("my--trail"));
            var (line, column) = Locate(CloudTrailProgram("my--trail"), "\"my--trail\"");
            var broken = _workspace.Dotnet(app, Step, "build", "-tl:off", "--disable-build-servers");
            Assert.False(broken.Succeeded, "The build should fail with CTSDK001.\n" + broken.Describe());
            var expected = $"{program}({line},{column}): error CTSDK001";
            Assert.True(broken.Output.Contains(expected, StringComparison.Ordinal), $"Expected '{expected}' in the build output.\n" + broken.Describe());
            var otherErrors = Regex.Matches(broken.Output, @": error (?<id>[A-Z]+[0-9]+)").Select(m => m.Groups["id"].Value).Where(id => id != "CTSDK001").Distinct().ToList();
            Assert.True(otherErrors.Count == 0, "Only CTSDK001 was expected, also got: " + string.Join(", ", otherErrors) + "\n" + broken.Describe());

            // Fixed: the build passes, without a single warning.
            File.WriteAllText(program, CloudTrailProgram("my-trail"));
            var fixedBuild = _workspace.Dotnet(app, Step, "build", "-tl:off", "--disable-build-servers");
            Succeeds(fixedBuild);
            Assert.True(fixedBuild.Output.Contains(" 0 Warning(s)", StringComparison.Ordinal) && fixedBuild.Output.Contains(" 0 Error(s)", StringComparison.Ordinal),
                "The fixed program should build with 0 warnings and 0 errors.\n" + fixedBuild.Describe());

            // Run: the fake starts in-process, records the calls, and LookupEvents finds them.
            var run = _workspace.Dotnet(app, Step, "run", "--no-build");
            Succeeds(run);
            Assert.Contains("created: arn:aws:cloudtrail:us-east-1:", run.Output, StringComparison.Ordinal);
            Assert.Contains("event: CreateTrail", run.Output, StringComparison.Ordinal);
            Assert.Contains("event: PutEventSelectors", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            _output.WriteLine(_workspace.Log);
        }
    }

    [Fact]
    public void SdkPackage_EveryAnalyzerRuleFiresAtItsLineAndColumn()
    {
        try
        {
            _workspace.EnsureReady();
            var app = NewConsole("EveryRule", "rules");
            Succeeds(_workspace.Dotnet(app, Step, "add", "package", "CloudTrailSdk", "--version", _workspace.PackageVersion));
            var program = Path.Combine(app, "Program.cs");
            File.WriteAllText(program, RulesProgram);

            var build = _workspace.Dotnet(app, Step, "build", "-tl:off", "--disable-build-servers");
            Assert.False(build.Succeeded, "The build should fail on the analyzer errors.\n" + build.Describe());
            var reported = Regex.Matches(build.Output, @"Program\.cs\((?<line>\d+),(?<col>\d+)\): (?<severity>error|warning) (?<id>[A-Z]+\d+)")
                .Select(m => (Id: m.Groups["id"].Value, Severity: m.Groups["severity"].Value, Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Column: int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture)))
                .Distinct()
                .ToList();
            foreach (var (id, severity, needle) in ExpectedRules)
            {
                var (line, column) = Locate(RulesProgram, needle);
                Assert.True(reported.Contains((id, severity, line, column)),
                    $"Expected {severity} {id} at ({line},{column}) on `{needle}`; reported: {string.Join("; ", reported)}\n" + build.Describe());
            }

            Assert.True(reported.Count == ExpectedRules.Length, "Unexpected diagnostics: " + string.Join("; ", reported) + "\n" + build.Describe());
        }
        finally
        {
            _output.WriteLine(_workspace.Log);
        }
    }

    // One mistake per rule, each on its own line; the needle is the text the diagnostic must start at.
    private static readonly (string Id, string Severity, string Needle)[] ExpectedRules =
    {
        ("CTSDK001", "error", "\"my--trail\""),
        ("CTSDK002", "error", "\"" + new string('_', 1001) + "\""),
        ("CTSDK003", "error", "[first, second]"),
        ("CTSDK004", "error", "\"\""),
        ("CTSDK005", "error", "51"),
        ("CTSDK006", "error", "\"bad channel!\""),
        ("CTSDK007", "warning", "\"insights\""),
        ("CTSDK008", "error", "\"AWS::Foo::Bar\""),
    };

    private static readonly string RulesProgram = string.Join('\n',
        "using CloudTrailSdk;",
        "",
        "var first = new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = \"root\" };",
        "var second = new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = \"" + new string('_', 1001) + "\" };",
        "var getTrail = new GetTrailRequest { Name = \"my--trail\" };",
        "var lookup = new LookupEventsRequest { LookupAttributes = [first, second] };",
        "var tag = new Tag { Key = \"\" };",
        "var page = new LookupEventsRequest { MaxResults = 51 };",
        "var channel = new GetChannelRequest { Channel = \"bad channel!\" };",
        "var insights = new LookupEventsRequest { EventCategory = \"insights\" };",
        "var resource = new DataResource { Type = \"AWS::Foo::Bar\" };",
        "System.Console.WriteLine($\"{getTrail}{lookup}{tag}{page}{channel}{insights}{resource}\");",
        "");

    [Fact]
    public void GeneratorPackage_BuildsAKmsClientFromBotocoresModel_AndCallsItAgainstAStub()
    {
        try
        {
            _workspace.EnsureReady();
            var app = NewConsole("KmsNewcomer", "kms");
            Assert.True(Botocore.TryCopyModel("kms", "service-2.json", Path.Combine(app, "models", "kms", "service-2.json")), "botocore has no kms service-2.json");
            var withPaginators = Botocore.TryCopyModel("kms", "paginators-1.json", Path.Combine(app, "models", "kms", "paginators-1.json"));
            Succeeds(_workspace.Dotnet(app, Step, "add", "package", "CloudTrailSdk.Generator", "--version", _workspace.PackageVersion));

            // Bring your own model: AwsModel items, as the package README shows.
            var csproj = Path.Combine(app, "KmsNewcomer.csproj");
            var items = "  <ItemGroup>\n    <AwsModel Include=\"models/kms/service-2.json\" Namespace=\"Newcomer.Kms\" ClientName=\"Kms\" />\n"
                + (withPaginators ? "    <AwsModel Include=\"models/kms/paginators-1.json\" />\n" : string.Empty)
                + "  </ItemGroup>\n</Project>";
            File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("</Project>", items, StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(app, "Program.cs"), KmsProgram);

            var build = _workspace.Dotnet(app, Step, "build", "-tl:off", "--disable-build-servers");
            Succeeds(build);
            Assert.True(build.Output.Contains(" 0 Warning(s)", StringComparison.Ordinal), "The KMS consumer should build without warnings.\n" + build.Describe());

            var run = _workspace.Dotnet(app, Step, "run", "--no-build");
            Succeeds(run);
            Assert.Contains("target: TrentService.ListKeys", run.Output, StringComparison.Ordinal);
            Assert.Contains("key: 1234abcd-12ab-34cd-56ef-1234567890ab arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", run.Output, StringComparison.Ordinal);
            Assert.Contains("truncated: False", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            _output.WriteLine(_workspace.Log);
        }
    }

    private string NewConsole(string name, string folder)
    {
        var dir = Path.Combine(_workspace.Root, folder);
        Succeeds(_workspace.Dotnet(_workspace.Root, Step, "new", "console", "--name", name, "--output", dir, "--framework", "net10.0"));
        return dir;
    }

    private static void Succeeds(CommandResult result) => Assert.True(result.Succeeded, result.Describe());

    private static (int Line, int Column) Locate(string text, string needle)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf(needle, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (i + 1, at + 1);
            }
        }

        throw new InvalidOperationException(needle + " is not in the program");
    }

    private static string CloudTrailProgram(string trailName) => string.Join('\n',
        "using CloudTrailSdk;",
        "using CloudTrailSdk.Fake;",
        "",
        "using var client = new CloudTrailClient(new HttpClient(new FakeCloudTrailHandler()), new AwsClientOptions",
        "{",
        "    Credentials = new AwsCredentials(\"AKID\", \"SECRET\"), Region = \"us-east-1\", Endpoint = \"https://cloudtrail.fake.local\",",
        "});",
        "",
        $"var request = new CreateTrailRequest {{ Name = \"{trailName}\", S3BucketName = \"b\" }};",
        "var trail = await client.CreateTrailAsync(request);",
        "Console.WriteLine($\"created: {trail.TrailARN}\");",
        "",
        "await client.PutEventSelectorsAsync(new PutEventSelectorsRequest",
        "{",
        "    TrailName = request.Name,",
        "    EventSelectors = [new EventSelector { ReadWriteType = ReadWriteType.All, IncludeManagementEvents = true }],",
        "});",
        "",
        "await foreach (var e in client.Paginators.LookupEvents(new LookupEventsRequest()).Events)",
        "{",
        "    Console.WriteLine($\"event: {e.EventName} at {e.EventTime:O} by {e.Username}\");",
        "}",
        "");

    private const string KmsProgram = """
        using System.Net;
        using System.Text;
        using CloudTrailSdk;
        using Newcomer.Kms;

        var stub = new StubHandler();
        using var kms = new KmsClient(new HttpClient(stub), new AwsClientOptions
        {
            Credentials = new AwsCredentials("AKID", "SECRET"), Region = "us-east-1", Endpoint = "https://kms.stub.local",
        });

        var keys = await kms.ListKeysAsync(new ListKeysRequest { Limit = 10 });
        foreach (var key in keys.Keys ?? [])
        {
            Console.WriteLine($"key: {key.KeyId} {key.KeyArn}");
        }

        Console.WriteLine($"truncated: {keys.Truncated}");
        Console.WriteLine($"target: {stub.Target}");

        sealed class StubHandler : HttpMessageHandler
        {
            public string? Target { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? string.Join(",", values) : null;
                const string body = "{\"Keys\":[{\"KeyId\":\"1234abcd-12ab-34cd-56ef-1234567890ab\",\"KeyArn\":\"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"}],\"Truncated\":false}";
                var response = new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1"),
                };
                response.Headers.Add("x-amzn-RequestId", "stub-request-1");
                return Task.FromResult(response);
            }
        }

        """;
}
