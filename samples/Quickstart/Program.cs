using System;
using System.Net.Http;
using System.Threading.Tasks;
using CloudTrailSdk;
using CloudTrailSdk.Fake;
using CloudTrailSdk.Runtime;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Config;
using Quickstart;

QuickstartOptions options;
try
{
    options = QuickstartOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(QuickstartOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(QuickstartOptions.Usage);
    return 0;
}

var embedded = !options.UseAws && options.Endpoint is null;
try
{
    using var client = embedded
        ? new CloudTrailClient(new HttpClient(new FakeCloudTrailHandler()), new AwsClientOptions
        {
            // The embedded fake accepts any signed request; these keys sign, nothing more.
            Credentials = new AwsCredentials("AKIAQUICKSTART000000", "quickstart-secret"),
            Region = options.Region ?? "us-east-1",
            Endpoint = "https://cloudtrail.fake.local",
        })
        : new CloudTrailClient(new AwsClientOptions { Region = options.Region, Endpoint = options.Endpoint });

    Console.WriteLine("CloudTrail at " + client.Endpoint + (embedded ? " (embedded fake)" : string.Empty));
    await QuickstartRun.RunAsync(client, options.TrailName);
    return 0;
}
catch (AwsConfigurationException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 1;
}
catch (CloudTrailException ex)
{
    Console.Error.WriteLine("CloudTrail answered " + ex.ErrorCode + ": " + ex.Message);
    return 1;
}
catch (HttpRequestException ex)
{
    Console.Error.WriteLine("error: could not reach the endpoint: " + ex.Message);
    return 1;
}
