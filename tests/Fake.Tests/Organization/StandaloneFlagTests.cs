using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Organization;

/// <summary>The standalone tool's --organization and --generated-query flags, run as users run the tool.</summary>
[Trait("Category", "Integration")]
public sealed class StandaloneFlagTests
{
    [Theory]
    [InlineData("--organization", "--organization", "111111111111")]
    [InlineData("--organization", "--organization", "111111111111:22")]
    [InlineData("--organization", "--organization", "111111111111:111111111111")]
    [InlineData("--organization", "--organization")]
    [InlineData("--generated-query", "--generated-query", "no equals sign")]
    [InlineData("--generated-query", "--generated-query", "ab=SELECT 1")]
    [InlineData("--generated-query", "--generated-query", "a prompt=SELECT 1", "--generated-query", "A prompt=SELECT 2")]
    public async Task A_bad_value_exits_2_naming_the_flag(string flag, params string[] args)
    {
        var run = await ProcessRunner.RunAsync(StandaloneFake.StartInfo(args), TimeSpan.FromSeconds(60));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: " + flag, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_both_flags()
    {
        var run = await ProcessRunner.RunAsync(StandaloneFake.StartInfo("--help"), TimeSpan.FromSeconds(60));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--organization MGMT:MEMBER", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--generated-query \"PROMPT=SQL\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_flags_set_up_an_organization_and_a_generated_query()
    {
        using var process = ProcessRunner.Start(StandaloneFake.StartInfo(
            "--urls", "http://127.0.0.1:0",
            "--access-key", "AKIASTANDALONEMGMT01:secret:111111111111",
            "--access-key", "AKIASTANDALONEMEMB01:secret:222222222222",
            "--organization", "111111111111:222222222222,333333333333",
            "--generated-query", "count my calls=SELECT COUNT(*) AS calls FROM $EDS_ID"));
        try
        {
            var endpoint = await StandaloneFake.ListeningOnAsync(process);
            using var management = Clients.OverHttp(endpoint, "us-east-1", "AKIASTANDALONEMGMT01", "secret");
            using var member = Clients.OverHttp(endpoint, "us-east-1", "AKIASTANDALONEMEMB01", "secret");

            await management.RegisterOrganizationDelegatedAdminAsync(new RegisterOrganizationDelegatedAdminRequest { MemberAccountId = "333333333333" });
            Assert.Equal("NotOrganizationManagementAccountException", await Errors.CodeOf(() => member.RegisterOrganizationDelegatedAdminAsync(new RegisterOrganizationDelegatedAdminRequest { MemberAccountId = "333333333333" })));
            var store = (await management.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "standalone" })).EventDataStoreArn!;
            var generated = await management.GenerateQueryAsync(new GenerateQueryRequest { EventDataStores = new[] { store }, Prompt = "Count my calls" });
            Assert.Equal("SELECT COUNT(*) AS calls FROM " + store.Split('/')[^1], generated.QueryStatement);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
