using System;
using System.Collections.Generic;

namespace Quickstart;

/// <summary>The quickstart's command line. Unknown or incomplete flags are errors, never ignored.</summary>
internal sealed record QuickstartOptions(string? Endpoint, string? Region, string TrailName, bool UseAws, bool Help)
{
    public const string Usage = """
        Usage: dotnet run --project samples/Quickstart -- [options]

        Runs against an embedded fake CloudTrail by default: no credentials, no network.

        Options:
          --endpoint URL     Send requests to URL (e.g. a standalone fake) instead of the embedded fake.
          --aws              Resolve endpoint, region and credentials as every AWS SDK does (AWS_* variables,
                             ~/.aws): real AWS, unless AWS_ENDPOINT_URL points elsewhere.
          --region REGION    Region to sign for (default: from the environment, else us-east-1 for the fake).
          --trail NAME       Trail to create (default: quickstart-trail).
          -h, --help         Show this help.
        """;

    public static QuickstartOptions Parse(IReadOnlyList<string> args)
    {
        string? endpoint = null, region = null;
        var trail = "quickstart-trail";
        var aws = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    return new QuickstartOptions(null, null, trail, false, Help: true);
                case "--aws":
                    aws = true;
                    break;
                case "--endpoint":
                    endpoint = Value(args, ref i);
                    if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                    {
                        throw new ArgumentException("--endpoint needs an absolute http(s) URL, got '" + endpoint + "'");
                    }

                    break;
                case "--region":
                    region = Value(args, ref i);
                    break;
                case "--trail":
                    trail = Value(args, ref i);
                    break;
                default:
                    throw new ArgumentException("Unknown option '" + args[i] + "'");
            }
        }

        if (aws && endpoint is not null)
        {
            throw new ArgumentException("--aws and --endpoint cannot be combined");
        }

        return new QuickstartOptions(endpoint, region, trail, aws, Help: false);
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("Option '" + args[i] + "' needs a value");
        }

        return args[++i];
    }
}
