using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using CloudTrailSdk.Fake;
using CloudTrailSdk.Runtime.Config;
using Quickstart;

namespace CloudTrailSdk.Extensions.Tests;

/// <summary>
/// The quickstart as a newcomer runs it: against an endpoint with no AWS settings, with a bad trail name, twice in a
/// row. Here rather than in Sdk.Tests, whose own generated server types would clash with the fake's that the sample brings.
/// </summary>
[Trait("Category", "Integration")]
public sealed class QuickstartTests
{
    private readonly FakeEnvironment _nothingConfigured = new();

    [Fact]
    public async Task An_endpoint_works_without_any_AWS_settings()
    {
        var (code, output, errors) = await Run(new FakeCloudTrailHandler(), "--endpoint", "http://127.0.0.1:4566");

        Assert.True(code == 0, errors);
        Assert.Contains("CloudTrail at http://127.0.0.1:4566/", output);
        Assert.Contains("Created trail arn:aws:cloudtrail:us-east-1:", output);
    }

    [Fact]
    public async Task An_invalid_trail_name_is_an_error_with_exit_code_2()
    {
        var (code, output, errors) = await Run(new FakeCloudTrailHandler(), "--endpoint", "http://127.0.0.1:4566", "--trail", "my--trail");

        Assert.Equal(2, code);
        Assert.StartsWith("error: CreateTrail request is invalid", errors);
        Assert.Contains("my--trail", errors);
        Assert.DoesNotContain("Created trail", output);
    }

    [Fact]
    public async Task A_second_run_against_the_same_fake_reuses_the_trail()
    {
        var fake = new FakeCloudTrailHandler();
        var first = await Run(fake, "--endpoint", "http://127.0.0.1:4566", "--trail", "kept-trail");
        var second = await Run(fake, "--endpoint", "http://127.0.0.1:4566", "--trail", "kept-trail");

        Assert.True(first.Code == 0, first.Errors);
        Assert.True(second.Code == 0, second.Errors);
        Assert.Contains("Reusing trail arn:aws:cloudtrail:us-east-1:", second.Output);
        Assert.Contains(":trail/kept-trail", second.Output);
    }

    private async Task<(int Code, string Output, string Errors)> Run(FakeCloudTrailHandler fake, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await QuickstartApp.RunAsync(args, output, errors, _nothingConfigured, fake);
        return (code, output.ToString(), errors.ToString());
    }
}
