using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using CloudTrailSdk;
using CloudTrailSdk.Fake;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Runtime.Validation;

namespace Quickstart;

/// <summary>The whole program behind <c>Main</c>, with its outputs, environment and transport passed in so tests can run it.</summary>
internal static class QuickstartApp
{
    /// <summary>Runs the quickstart; returns the exit code (0 ok, 1 service or configuration failure, 2 bad input).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="environment">Where AWS settings come from.</param>
    /// <param name="transport">The HTTP handler for <c>--endpoint</c>/<c>--aws</c> (tests pass an in-process fake); null for real HTTP.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IEnvironment environment, HttpMessageHandler? transport = null)
    {
        QuickstartOptions options;
        try
        {
            options = QuickstartOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            stderr.WriteLine();
            stderr.WriteLine(QuickstartOptions.Usage);
            return 2;
        }

        if (options.Help)
        {
            stdout.WriteLine(QuickstartOptions.Usage);
            return 0;
        }

        var embedded = !options.UseAws && options.Endpoint is null;
        try
        {
            using var client = embedded
                ? new CloudTrailClient(new HttpClient(new FakeCloudTrailHandler()), new AwsClientOptions
                {
                    // The embedded fake accepts any signed request; these keys sign, nothing more.
                    Credentials = FakeKeys,
                    Region = options.Region ?? "us-east-1",
                    Endpoint = "https://cloudtrail.fake.local",
                })
                : new CloudTrailClient(transport is null ? null : new HttpClient(transport), ForEndpoint(options, environment));

            stdout.WriteLine("CloudTrail at " + client.Endpoint + (embedded ? " (embedded fake)" : string.Empty));
            await QuickstartRun.RunAsync(client, options.TrailName, stdout);
            return 0;
        }
        catch (AwsValidationException ex)
        {
            // Bad input, caught before anything was sent: the same exit code as a bad flag.
            stderr.WriteLine("error: " + ex.Message);
            return 2;
        }
        catch (AwsConfigurationException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return 1;
        }
        catch (CloudTrailException ex)
        {
            stderr.WriteLine("CloudTrail answered " + ex.ErrorCode + ": " + ex.Message);
            return 1;
        }
        catch (HttpRequestException ex)
        {
            stderr.WriteLine("error: could not reach the endpoint: " + ex.Message);
            return 1;
        }
    }

    private static AwsCredentials FakeKeys => new("AKIAQUICKSTART000000", "quickstart-secret");

    /// <summary>
    /// <c>--aws</c> resolves everything as the AWS SDKs do. <c>--endpoint</c> means a fake or an emulator: region and
    /// credentials are taken from the environment when it has them, else us-east-1 and dummy keys, so it works on a
    /// machine with no AWS settings at all.
    /// </summary>
    private static AwsClientOptions ForEndpoint(QuickstartOptions options, IEnvironment environment)
    {
        var settings = new AwsClientOptions { Region = options.Region, Endpoint = options.Endpoint, Environment = environment };
        if (options.UseAws)
        {
            return settings;
        }

        var files = new SharedConfigFiles(environment);
        try
        {
            settings.Region ??= new RegionResolver(files).Resolve();
        }
        catch (AwsConfigurationException)
        {
            settings.Region = "us-east-1";
        }

        // Without configured credentials the chain would end at EC2 instance metadata, pointless for a local fake.
        var credentials = new CredentialsResolver(files).ResolveWithSource();
        if (credentials.Source.StartsWith("IMDS", StringComparison.Ordinal))
        {
            settings.Credentials = FakeKeys;
        }

        return settings;
    }
}
