using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Hosting;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.RealClients;

/// <summary>
/// The AWS CLI, unchanged, drives the fake over HTTP, one command per process: v1 (<c>aws</c> on PATH, from pip) and
/// Debian's v2 (<c>/usr/bin/aws</c>; scripts/setup.sh installs it, and a test that finds it missing fails naming the command).
/// </summary>
[Trait("Category", "RealClients")]
public sealed class AwsCliTests
{
    private const string Region = "us-west-2";

    [Theory]
    [InlineData("aws", "aws-cli/1.")]
    [InlineData(ExternalTools.DebianAwsCliV2, "aws-cli/2.")]
    public async Task Aws_cli_runs_the_trail_selector_lookup_and_error_scenario(string executable, string expectedVersion)
    {
        // A missing CLI fails here with ToolNotFoundException, which names the install command.
        var version = await ProcessRunner.RunAsync(ProcessRunner.StartInfo(executable, new[] { "--version" }, environment: ProcessRunner.AwsEnvironment(Region)), TimeSpan.FromSeconds(60));
        Assert.True(version.ExitCode == 0 && (version.Stdout + version.Stderr).Contains(expectedVersion, StringComparison.Ordinal),
            executable + " is not the AWS CLI expected (" + expectedVersion + "*); Debian's awscli provides v2. " + version);

        await using var host = await FakeCloudTrailHost.StartAsync();
        var trail = "cli-" + Guid.NewGuid().ToString("N")[..8];
        const string bucket = "cli-bucket";
        var cli = new Cli(executable, host.Endpoint);

        var created = await cli.JsonAsync("create-trail", "--name", trail, "--s3-bucket-name", bucket);
        Assert.Equal("arn:aws:cloudtrail:" + Region + ":" + host.Fake.Options.DefaultAccountId + ":trail/" + trail, created.GetProperty("TrailARN").GetString());

        await cli.FailsWithAsync("TrailAlreadyExistsException", "create-trail", "--name", trail, "--s3-bucket-name", bucket);
        await cli.FailsWithAsync("InvalidTrailNameException", "create-trail", "--name", "my--trail", "--s3-bucket-name", bucket);
        await cli.FailsWithAsync("TrailNotFoundException", "get-trail-status", "--name", "missing-" + trail);

        await cli.JsonAsync("start-logging", "--name", trail);
        Assert.True((await cli.JsonAsync("get-trail-status", "--name", trail)).GetProperty("IsLogging").GetBoolean());
        await cli.JsonAsync("put-event-selectors", "--trail-name", trail, "--event-selectors", """[{"ReadWriteType":"ReadOnly","IncludeManagementEvents":true}]""");
        var selectors = await cli.JsonAsync("get-event-selectors", "--trail-name", trail);
        Assert.Equal("ReadOnly", Assert.Single(selectors.GetProperty("EventSelectors").EnumerateArray()).GetProperty("ReadWriteType").GetString());
        var described = await cli.JsonAsync("describe-trails", "--trail-name-list", trail);
        Assert.Equal(trail, Assert.Single(described.GetProperty("trailList").EnumerateArray()).GetProperty("Name").GetString());

        // The CLI paginates itself: --page-size sets MaxResults per call, --max-items cuts the output and hands back its own
        // token, which resumes the scan in a second process.
        var callsBeforeLookup = cli.Operations.ToList();
        const int pageSize = 2;
        var maxItems = callsBeforeLookup.Count / 2;
        var first = await cli.JsonAsync("lookup-events", "--page-size", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--max-items", maxItems.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var token = first.GetProperty("NextToken").GetString()!;
        var rest = await cli.JsonAsync("lookup-events", "--page-size", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--starting-token", token);
        Assert.False(rest.TryGetProperty("NextToken", out _), "the scan should have ended");

        var firstNames = Names(first);
        Assert.Equal(maxItems, firstNames.Count);
        Assert.Equal(Enumerable.Reverse(callsBeforeLookup), firstNames.Concat(Names(rest)));
    }

    private static List<string> Names(JsonElement page) => page.GetProperty("Events").EnumerateArray().Select(e => e.GetProperty("EventName").GetString()!).ToList();

    /// <summary>Runs <c>aws cloudtrail ...</c> against the fake and remembers which operation each command called.</summary>
    private sealed class Cli(string executable, Uri endpoint)
    {
        public List<string> Operations { get; } = new();

        public async Task<JsonElement> JsonAsync(params string[] args)
        {
            var run = await RunAsync(args);
            Assert.True(run.ExitCode == 0, run.ToString());
            return run.Stdout.Trim().Length == 0 ? default : JsonDocument.Parse(run.Stdout).RootElement.Clone();
        }

        public async Task FailsWithAsync(string code, params string[] args)
        {
            var run = await RunAsync(args);
            Assert.True(run.ExitCode != 0, run.ToString());
            Assert.Contains("An error occurred (" + code + ")", run.Stderr, StringComparison.Ordinal);
        }

        private Task<ProcessResult> RunAsync(string[] args)
        {
            // create-trail -> CreateTrail: the CLI's command names are the operations' names in kebab case.
            Operations.Add(string.Concat(args[0].Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
            var all = new[] { "--endpoint-url", endpoint.AbsoluteUri, "--output", "json", "cloudtrail" }.Concat(args);
            return ProcessRunner.RunAsync(ProcessRunner.StartInfo(executable, all, environment: ProcessRunner.AwsEnvironment(Region)), TimeSpan.FromSeconds(60));
        }
    }
}
