using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace CloudTrailSdk;

/// <summary>
/// Credentials from the AWS SDK for .NET: wraps any <see cref="AWSCredentials"/> (its default chain, a profile, an
/// assumed role, SSO, your own subclass) as the client's <see cref="IAwsCredentialsProvider"/>. The AWS SDK keeps doing
/// the caching and refreshing it already does; this adapter asks it before every attempt, so a refreshed key is used
/// from the next attempt on.
/// </summary>
public sealed class AwsSdkCredentialsProvider : IAwsCredentialsProvider
{
    private readonly AWSCredentials _credentials;

    /// <summary>Wraps <paramref name="credentials"/>.</summary>
    public AwsSdkCredentialsProvider(AWSCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
    }

    /// <summary>The AWS SDK's own default chain (<c>DefaultAWSCredentialsIdentityResolver</c>), resolved now.</summary>
    /// <exception cref="AwsCredentialsException">The AWS SDK found no credentials; its message says why.</exception>
    public static AwsSdkCredentialsProvider FromDefaultChain()
    {
        try
        {
            return new AwsSdkCredentialsProvider(DefaultAWSCredentialsIdentityResolver.GetCredentials());
        }
        catch (AmazonClientException ex)
        {
            throw new AwsCredentialsException("the AWS SDK for .NET's default chain", ex.Message, ex);
        }
    }

    /// <inheritdoc />
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ImmutableCredentials current;
        try
        {
            current = await _credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            // The AWS SDK's messages name the source and never the secret.
            throw new AwsCredentialsException(Source, ex.Message, ex);
        }

        if (current is null || string.IsNullOrEmpty(current.AccessKey) || string.IsNullOrEmpty(current.SecretKey))
        {
            throw new AwsCredentialsException(Source, "it returned no access key id or secret access key.");
        }

        // The AWS SDK keeps expiry times in UTC; an unspecified kind is read as UTC too, never as local time.
        var expiration = _credentials.Expiration is { } at
            ? new DateTimeOffset(at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc))
            : (DateTimeOffset?)null;
        return new AwsCredentials(current.AccessKey, current.SecretKey, current.UseToken ? current.Token : null, expiration);
    }

    /// <summary>Names the wrapped type, never a key.</summary>
    public override string ToString() => "AwsSdkCredentialsProvider { " + _credentials.GetType().Name + " }";

    private string Source => "the AWS SDK for .NET (" + _credentials.GetType().Name + ")";
}
