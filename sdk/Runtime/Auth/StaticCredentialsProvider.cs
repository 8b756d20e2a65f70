using System;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk;

/// <summary>Always the same credentials: explicit keys, environment variables, or static keys from a profile.</summary>
public sealed class StaticCredentialsProvider : IAwsCredentialsProvider
{
    private readonly AwsCredentials _credentials;

    /// <summary>Wraps <paramref name="credentials"/>.</summary>
    public StaticCredentialsProvider(AwsCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
    }

    /// <inheritdoc/>
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_credentials);

    /// <summary>Names the access key id only.</summary>
    public override string ToString() => "StaticCredentialsProvider { " + _credentials + " }";
}
