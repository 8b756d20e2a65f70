using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Fake;

/// <summary>Where a call acts: the account its credentials map to and the region its signature names.</summary>
internal readonly record struct CallScope(string Account, string Region)
{
    public static CallScope Of(AwsServerContext context, FakeCloudTrailOptions options) =>
        new(context.AccountId ?? options.DefaultAccountId, string.IsNullOrEmpty(context.Region) ? options.DefaultRegion : context.Region!);
}
