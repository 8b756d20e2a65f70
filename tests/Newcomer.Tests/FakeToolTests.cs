using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CloudTrailSdk.Newcomer.Tests.Support;
using Xunit.Abstractions;

namespace CloudTrailSdk.Newcomer.Tests;

/// <summary>
/// The fake as a test author outside this repository meets it: the `cloudtrail-fake` dotnet tool installed from the
/// packed package and called by a console app that uses our client, and CloudTrailSdk.Fake.Hosting in an xunit project.
/// </summary>
[Trait("Category", "Packaging")]
[Collection(NewcomerCollection.Name)]
public sealed class FakeToolTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(4);

    private readonly NewcomerWorkspace _workspace;
    private readonly ITestOutputHelper _output;

    public FakeToolTests(NewcomerWorkspace workspace, ITestOutputHelper output)
    {
        _workspace = workspace;
        _output = output;
    }

    [Fact]
    public async Task FakeTool_InstalledFromThePackage_ServesAConsoleAppThatUsesTheClient()
    {
        ToolProcess? tool = null;
        try
        {
            _workspace.EnsureReady();
            var tools = Path.Combine(_workspace.Root, "tools");
            // The workspace's nuget.config already maps CloudTrailSdk.* to the packed folder; with source mapping on,
            // dotnet refuses --add-source, so the folder is found through that mapping instead.
            Succeeds(_workspace.Dotnet(_workspace.Root, Step, "tool", "install", "CloudTrailSdk.Fake.Tool", "--tool-path", tools,
                "--version", _workspace.PackageVersion));
            var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "cloudtrail-fake.exe" : "cloudtrail-fake");
            Assert.True(File.Exists(command), "dotnet tool install put no cloudtrail-fake command in " + tools);

            // Build the consumer first, so the server runs only as long as the calls need it.
            var app = Path.Combine(_workspace.Root, "tool-consumer");
            Directory.CreateDirectory(app);
            File.WriteAllText(Path.Combine(app, "ToolConsumer.csproj"), Project("Exe", "CloudTrailSdk"));
            File.WriteAllText(Path.Combine(app, "Program.cs"), ToolConsumerProgram);
            Succeeds(_workspace.Dotnet(app, Step, "build", "-tl:off", "--disable-build-servers"));

            tool = await ToolProcess.StartAsync(command, ["--urls", "http://127.0.0.1:0", "--region", "eu-west-1"], TimeSpan.FromMinutes(1));
            Assert.Matches(@"^http://127\.0\.0\.1:[1-9][0-9]*$", tool.Url);

            var run = _workspace.Dotnet(app, Step, "run", "--no-build", "--", tool.Url);
            Succeeds(run);
            Assert.Contains("created: arn:aws:cloudtrail:eu-west-1:123456789012:trail/tool-trail", run.Output, StringComparison.Ordinal);
            Assert.Contains("trails: tool-trail", run.Output, StringComparison.Ordinal);
            Assert.Matches(new Regex(@"request id: \S+"), run.Output);
            Assert.Contains("status: 200", run.Output, StringComparison.Ordinal);

            // A second run finds the trail the server kept: the same process served both.
            var again = _workspace.Dotnet(app, Step, "run", "--no-build", "--", tool.Url);
            Assert.False(again.Succeeded, "The second CreateTrail should fail: the tool keeps state.\n" + again.Describe());
            Assert.Contains("TrailAlreadyExistsException", again.Output, StringComparison.Ordinal);
        }
        finally
        {
            _output.WriteLine(_workspace.Log);
            if (tool is not null)
            {
                _output.WriteLine("cloudtrail-fake output:\n" + tool.Output);
                await tool.DisposeAsync();
            }
        }
    }

    [Fact]
    public void FakeHosting_InAnXunitProject_ServesTheClientOverHttp()
    {
        try
        {
            _workspace.EnsureReady();
            var dir = Path.Combine(_workspace.Root, "xunit-consumer");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "HostedFake.Tests.csproj"), Project("Library", "CloudTrailSdk.Fake.Hosting",
                "    <PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"18.0.1\" />\n"
                + "    <PackageReference Include=\"xunit\" Version=\"2.9.3\" />\n"
                + "    <PackageReference Include=\"xunit.runner.visualstudio\" Version=\"3.1.5\" />\n"));
            File.WriteAllText(Path.Combine(dir, "HostedFakeTests.cs"), XunitConsumerTests);

            var test = _workspace.Dotnet(dir, TimeSpan.FromMinutes(6), "test", "-tl:off", "--disable-build-servers", "--logger", "console;verbosity=normal");
            Succeeds(test);
            // Exit code 0 already means no test failed; both must have run and passed.
            Assert.Matches(new Regex(@"Passed:\s+2\b"), test.Output);
            Assert.Matches(new Regex(@"Total tests:\s+2\b"), test.Output);
        }
        finally
        {
            _output.WriteLine(_workspace.Log);
        }
    }

    private string Project(string outputType, string package, string extra = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>{outputType}</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <IsTestProject>{(outputType == "Library" ? "true" : "false")}</IsTestProject>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="{package}" Version="{_workspace.PackageVersion}" />
        {extra}  </ItemGroup>
        </Project>
        """;

    private static void Succeeds(CommandResult result) => Assert.True(result.Succeeded, result.Describe());

    private const string ToolConsumerProgram = """
        using CloudTrailSdk;

        // Everything the client needs, said in code: no AWS_* variable or ~/.aws file is read for these.
        using var client = new CloudTrailClient(new AwsClientOptions
        {
            Endpoint = args[0],
            Region = "eu-west-1",
            Credentials = new AwsCredentials("AKIDNEWCOMER", "newcomer-secret"),
        });

        var trail = await client.CreateTrailAsync(new CreateTrailRequest { Name = "tool-trail", S3BucketName = "logs" });
        Console.WriteLine($"created: {trail.TrailARN}");

        var trails = await client.DescribeTrailsAsync(new DescribeTrailsRequest());
        Console.WriteLine($"trails: {string.Join(",", trails.TrailList?.Select(t => t.Name) ?? [])}");
        Console.WriteLine($"request id: {trails.ResponseMetadata.RequestId}");
        Console.WriteLine($"status: {trails.ResponseMetadata.HttpStatusCode}");
        """;

    private const string XunitConsumerTests = """
        using CloudTrailSdk;
        using CloudTrailSdk.Fake.Hosting;
        using Xunit;

        public sealed class HostedFakeTests
        {
            [Fact]
            public async Task CreateTrail_OverHttp_IsHeldByTheFake()
            {
                await using var host = await FakeCloudTrailHost.StartAsync();
                using var client = new CloudTrailClient(new AwsClientOptions
                {
                    Endpoint = host.Endpoint.ToString(),
                    Region = "us-east-1",
                    Credentials = new AwsCredentials("AKIDHOSTED", "hosted-secret"),
                    Pacing = AwsPacing.Off,
                });

                await client.CreateTrailAsync(new CreateTrailRequest { Name = "hosted-trail", S3BucketName = "logs" });

                Assert.Equal("hosted-trail", Assert.Single(host.Fake.Trails()).Name);
                Assert.Contains(host.Fake.RecordedEvents(), e => e.EventName == "CreateTrail");
            }

            [Fact]
            public async Task AValidationError_IsCaughtBeforeSending()
            {
                await using var host = await FakeCloudTrailHost.StartAsync();
                using var client = new CloudTrailClient(new AwsClientOptions
                {
                    Endpoint = host.Endpoint.ToString(), Region = "us-east-1", Credentials = new AwsCredentials("AKIDHOSTED", "hosted-secret"),
                });
                var name = "bad" + new string('-', 2) + "name";   // not a constant, so the analyzer leaves it to the runtime

                var error = await Assert.ThrowsAsync<AwsValidationException>(() => client.GetTrailAsync(new GetTrailRequest { Name = name }));

                Assert.Equal("Name", error.ParamName);
                Assert.Empty(host.Fake.RecordedEvents());
            }
        }
        """;
}
