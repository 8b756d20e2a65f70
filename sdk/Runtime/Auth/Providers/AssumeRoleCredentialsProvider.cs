using System;
using System.Linq;
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

    /// <summary>The MFA device and the callback that reads its code, for a profile with <c>mfa_serial</c>.</summary>
    public (AwsMfaChallenge Challenge, Func<AwsMfaChallenge, CancellationToken, ValueTask<string>> TokenCode)? Mfa { get; init; }

    public string Source => "role_arn " + _roleArn + " of profile '" + _profile + "'";

    public override string ToString() => "AssumeRoleCredentialsProvider { " + _roleArn + " }";

    protected override async Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var caller = await _caller.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        string? serial = null;
        string? code = null;
        if (Mfa is { } mfa)
        {
            serial = mfa.Challenge.SerialNumber;
            code = (await mfa.TokenCode(mfa.Challenge, cancellationToken).ConfigureAwait(false))?.Trim();
            // STS wants the six digits the device shows; anything else would come back as a vague AccessDenied. The code
            // itself stays out of the message.
            if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
            {
                throw new AwsCredentialsException(Source, $"the MFA token code callback returned {(code is null ? "null" : code.Length + " characters")} for {serial}; expected the 6 digits the device shows.");
            }
        }

        return await _sts.AssumeRoleAsync(caller, Source, _roleArn, _sessionName, _externalId, _durationSeconds, serial, code, cancellationToken).ConfigureAwait(false);
    }
}
