using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk.Runtime.Auth.Providers;

/// <summary>
/// Web identity (EKS IRSA and other OIDC federation): STS AssumeRoleWithWebIdentity with the token read from its file on
/// every fetch, because the platform rotates the file.
/// </summary>
internal sealed class WebIdentityCredentialsProvider : RefreshingCredentialsProvider
{
    private readonly StsClient _sts;
    private readonly string _tokenFile;
    private readonly string _roleArn;
    private readonly string _sessionName;
    private readonly string _origin;

    public WebIdentityCredentialsProvider(StsClient sts, string tokenFile, string roleArn, string sessionName, string origin, TimeProvider time)
        : base(time)
    {
        _sts = sts;
        _tokenFile = tokenFile;
        _roleArn = roleArn;
        _sessionName = sessionName;
        _origin = origin;
    }

    public string Source => "web identity (" + _origin + ", role " + _roleArn + ")";

    public override string ToString() => "WebIdentityCredentialsProvider { " + _roleArn + " }";

    protected override async Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = (await File.ReadAllTextAsync(_tokenFile, cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AwsCredentialsException(Source, "could not read the token file " + _tokenFile + ": " + ex.Message, ex);
        }

        if (token.Length == 0)
        {
            throw new AwsCredentialsException(Source, "the token file " + _tokenFile + " is empty.");
        }

        return await _sts.AssumeRoleWithWebIdentityAsync(Source, _roleArn, _sessionName, token, cancellationToken).ConfigureAwait(false);
    }
}
