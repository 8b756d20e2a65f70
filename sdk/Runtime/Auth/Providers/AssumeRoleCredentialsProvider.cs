using System;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Auth.Providers;

/// <summary>A profile's <c>role_arn</c>: STS AssumeRole, signed with the credentials of <c>source_profile</c> or <c>credential_source</c>.</summary>
internal sealed class AssumeRoleCredentialsProvider : RefreshingCredentialsProvider
{
    private readonly IAwsCredentialsProvider _caller;
    private readonly StsClient _sts;
    private readonly string _roleArn;
    private readonly string _sessionName;
    private readonly string? _externalId;
    private readonly int? _durationSeconds;
    private readonly string _profile;

    public AssumeRoleCredentialsProvider(IAwsCredentialsProvider caller, StsClient sts, string roleArn, string sessionName, string? externalId, int? durationSeconds, string profile, TimeProvider time)
        : base(time)
    {
        _caller = caller;
        _sts = sts;
        _roleArn = roleArn;
        _sessionName = sessionName;
        _externalId = externalId;
        _durationSeconds = durationSeconds;
        _profile = profile;
    }

    public string Source => "role_arn " + _roleArn + " of profile '" + _profile + "'";

    public override string ToString() => "AssumeRoleCredentialsProvider { " + _roleArn + " }";

    protected override async Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var caller = await _caller.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        return await _sts.AssumeRoleAsync(caller, Source, _roleArn, _sessionName, _externalId, _durationSeconds, cancellationToken).ConfigureAwait(false);
    }
}
