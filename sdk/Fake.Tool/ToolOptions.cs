using System;
using System.Collections.Generic;
using System.Linq;
using CloudTrailSdk.Fake;
using CloudTrailSdk.Runtime.Auth;

namespace CloudTrailSdk.Fake.Tool;

/// <summary>The command line of the standalone fake (the <c>cloudtrail-fake</c> tool).</summary>
internal sealed class ToolOptions
{
    public const string Usage = """
        Usage: cloudtrail-fake [options]

        A fake AWS CloudTrail on HTTP. Point any AWS client at it with an endpoint URL.

        Options:
          --urls URL[;URL...]         Where to listen (default http://127.0.0.1:4566; port 0 picks a free port).
          --region REGION             Region for unsigned calls (default us-east-1). Signed calls use their signature's region.
          --account ACCOUNT_ID        Account for access keys not mapped by --access-key (default 123456789012).
          --access-key ID:SECRET[:ACCOUNT]
                                      A known credential (repeatable). With any, every call must be signed with one of them,
                                      and bad signatures are refused as AWS refuses them; ACCOUNT maps the key to an account.
          --seed FILE                 Load a CloudTrail log file ({"Records":[...]}, plain or .json.gz) so LookupEvents
                                      finds its events (repeatable). A malformed file stops the server before it listens.
          --data-dir DIR              Keep state in DIR across restarts (a journal flushed to disk before each answer).
          --throttle                  Emulate CloudTrail's rate limits (LookupEvents: 2 requests/s per account and region):
                                      calls beyond them answer ThrottlingException.
          --max-events N              Keep at most N events per account and region, oldest dropped first
                                      (default 50000; CloudTrail's 90-day window applies too).
          --max-body-bytes N          Refuse request bodies over N bytes with HTTP 413 (default 4194304).
          --fault-rate RATE           Fail this share of calls (0 to 1) with InternalFailure (HTTP 500), for resilience tests.
          --latency-ms MS             Delay every call by MS milliseconds.
          --organization MGMT:MEMBER[,MEMBER...]
                                      Put the accounts in an organization: MGMT is the management account, the others its
                                      members (12-digit ids). Enables delegated admins, organization trails and stores.
          --generated-query "PROMPT=SQL"
                                      What GenerateQuery answers for PROMPT (repeatable; split at the first '='). In SQL,
                                      $EDS_ID stands for the named event data store's id. Other prompts answer
                                      GenerateResponseException.
          --import-source s3://BUCKET[/PREFIX]=DIR
                                      Serve DIR's CloudTrail log files as that S3 location to StartImport (repeatable).
          -h, --help                  Show this help.

        Exit codes: 0 after a clean shutdown (Ctrl+C), 2 for a bad command line, a bad seed file or a taken address.
        """;

    public IReadOnlyList<string> Urls { get; private init; } = new[] { "http://127.0.0.1:4566" };

    public string Region { get; private init; } = FakeCloudTrail.DefaultRegion;

    public string Account { get; private init; } = FakeCloudTrail.DefaultAccountId;

    public IReadOnlyList<AwsCredentials> Credentials { get; private init; } = Array.Empty<AwsCredentials>();

    public IReadOnlyDictionary<string, string> Accounts { get; private init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> SeedFiles { get; private init; } = Array.Empty<string>();

    public bool Throttle { get; private init; }

    public string? DataDirectory { get; private init; }

    public FakeFaults Faults { get; private init; } = FakeFaults.None;

    public bool Help { get; private init; }

    public int MaxEvents { get; private init; } = FakeCloudTrail.DefaultMaxEventsPerRegion;

    public long MaxBodyBytes { get; private init; } = FakeCloudTrail.DefaultMaxRequestBodyBytes;

    public FakeOrganization? Organization { get; private init; }

    public IReadOnlyDictionary<string, string> GeneratedQueries { get; private init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> ImportSources { get; private init; } = new Dictionary<string, string>();

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> naming the bad argument.</summary>
    public static ToolOptions Parse(IReadOnlyList<string> args)
    {
        var urls = new List<string>();
        string? region = null;
        string? account = null;
        var credentials = new List<AwsCredentials>();
        var accounts = new Dictionary<string, string>(StringComparer.Ordinal);
        var seeds = new List<string>();
        var help = false;
        var throttle = false;
        string? dataDirectory = null;
        var faultRate = 0.0;
        var latency = TimeSpan.Zero;
        var maxEvents = FakeCloudTrail.DefaultMaxEventsPerRegion;
        var maxBodyBytes = FakeCloudTrail.DefaultMaxRequestBodyBytes;
        FakeOrganization? organization = null;
        var generatedQueries = new Dictionary<string, string>(StringComparer.Ordinal);
        var importSources = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    help = true;
                    break;
                case "--urls":
                    urls.AddRange(Value(args, ref i).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(CheckUrl));
                    break;
                case "--fault-rate":
                    faultRate = double.TryParse(Value(args, ref i), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1
                        ? rate
                        : throw new ArgumentException("--fault-rate takes a number from 0 to 1, not '" + args[i] + "'.");
                    break;
                case "--latency-ms":
                    latency = int.TryParse(Value(args, ref i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
                        ? TimeSpan.FromMilliseconds(ms)
                        : throw new ArgumentException("--latency-ms takes a whole number of milliseconds, not '" + args[i] + "'.");
                    break;
                case "--max-events":
                    maxEvents = int.TryParse(Value(args, ref i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var events) && events >= 1
                        ? events
                        : throw new ArgumentException("--max-events takes a whole number of events, at least 1, not '" + args[i] + "'.");
                    break;
                case "--max-body-bytes":
                    maxBodyBytes = long.TryParse(Value(args, ref i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes) && bytes >= 1
                        ? bytes
                        : throw new ArgumentException("--max-body-bytes takes a whole number of bytes, at least 1, not '" + args[i] + "'.");
                    break;
                case "--data-dir":
                    dataDirectory = Value(args, ref i);
                    break;
                case "--throttle":
                    throttle = true;
                    break;
                case "--seed":
                    seeds.Add(Value(args, ref i));
                    break;
                case "--region":
                    region = Value(args, ref i);
                    break;
                case "--account":
                    account = CheckAccount(Value(args, ref i));
                    break;
                case "--access-key":
                    var parts = Value(args, ref i).Split(':');
                    if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[1].Length == 0)
                    {
                        throw new ArgumentException("--access-key takes ID:SECRET or ID:SECRET:ACCOUNT, not '" + args[i] + "'.");
                    }

                    credentials.Add(new AwsCredentials(parts[0], parts[1]));
                    if (parts.Length == 3)
                    {
                        accounts[parts[0]] = CheckAccount(parts[2]);
                    }

                    break;
                case "--organization":
                    organization = ParseOrganization(Value(args, ref i));
                    break;
                case "--generated-query":
                    var pair = Value(args, ref i);
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals < 1 || equals == pair.Length - 1)
                    {
                        throw new ArgumentException("--generated-query takes \"PROMPT=SQL\", not '" + pair + "'.");
                    }

                    if (!generatedQueries.TryAdd(pair[..equals].Trim(), pair[(equals + 1)..].Trim()))
                    {
                        throw new ArgumentException("--generated-query: the prompt '" + pair[..equals].Trim() + "' is given twice.");
                    }

                    break;
                case "--import-source":
                    var mapping = Value(args, ref i);
                    var split = mapping.IndexOf('=', StringComparison.Ordinal);
                    if (split <= 0 || split == mapping.Length - 1)
                    {
                        throw new ArgumentException("--import-source takes s3://BUCKET[/PREFIX]=DIR, not '" + mapping + "'.");
                    }

                    // The same check FakeCloudTrailOptions.ImportSources gets, made here so the error names the flag.
                    var location = mapping[..split];
                    var folder = mapping[(split + 1)..];
                    if (FakeCloudTrailOptions.ImportSourceProblem(location, folder) is { } problem)
                    {
                        throw new ArgumentException("--import-source: " + problem);
                    }

                    importSources[location] = folder;
                    break;
                default:
                    throw new ArgumentException("Unknown option '" + arg + "'.");
            }
        }

        return new ToolOptions
        {
            Urls = urls.Count > 0 ? urls : new[] { "http://127.0.0.1:4566" },
            Region = region ?? FakeCloudTrail.DefaultRegion,
            Account = account ?? FakeCloudTrail.DefaultAccountId,
            Credentials = credentials,
            Accounts = accounts,
            SeedFiles = seeds,
            Throttle = throttle,
            DataDirectory = dataDirectory,
            Faults = new FakeFaults { ErrorRate = faultRate, Latency = latency },
            Help = help,
            MaxEvents = maxEvents,
            MaxBodyBytes = maxBodyBytes,
            Organization = organization,
            GeneratedQueries = CheckGeneratedQueries(generatedQueries),
            ImportSources = importSources,
        };
    }

    /// <summary>The fake these options describe, seeded; throws <see cref="FakeSeedException"/> for a bad seed file.</summary>
    public FakeCloudTrail CreateFake()
    {
        var fake = new FakeCloudTrail(new FakeCloudTrailOptions
        {
            MaxEventsPerRegion = MaxEvents,
            MaxRequestBodyBytes = MaxBodyBytes,
            DefaultRegion = Region,
            DefaultAccountId = Account,
            KnownCredentials = Credentials,
            Accounts = Accounts,
            EmulateThrottling = Throttle,
            Faults = Faults,
            DataDirectory = DataDirectory,
            Organization = Organization,
            GeneratedQueries = GeneratedQueries,
            ImportSources = ImportSources,
        });
        try
        {
            fake.LoadLogFiles(SeedFiles);
        }
        catch
        {
            fake.Dispose();
            throw;
        }

        return fake;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(args[i] + " needs a value.");
        }

        return args[++i];
    }

    private static string CheckUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new ArgumentException("--urls takes http:// or https:// URLs, not '" + url + "'.");

    private static FakeOrganization ParseOrganization(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new ArgumentException("--organization takes MGMT:MEMBER[,MEMBER...] (12-digit account ids), not '" + value + "'.");
        }

        var organization = new FakeOrganization
        {
            ManagementAccountId = value[..colon],
            MemberAccountIds = colon == value.Length - 1 ? Array.Empty<string>() : value[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries),
        };
        try
        {
            organization.Check();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("--organization: " + e.Message.Split(" (Parameter", 2)[0], e);
        }

        return organization;
    }

    private static Dictionary<string, string> CheckGeneratedQueries(Dictionary<string, string> queries)
    {
        try
        {
            GeneratedQueryCatalog.Check(queries);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("--generated-query: " + e.Message.Split(" (Parameter", 2)[0], e);
        }

        return queries;
    }

    private static string CheckAccount(string account) =>
        account.Length == 12 && account.All(char.IsAsciiDigit) ? account : throw new ArgumentException("An account id is 12 digits, not '" + account + "'.");
}
