using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk;

/// <summary>
/// Supplies credentials for each attempt. The client asks before every attempt, so a provider decides when to
/// fetch new ones; derive from <see cref="RefreshingCredentialsProvider"/> to get caching and refresh before expiry.
/// Set your own with <see cref="AwsClientOptions.CredentialsProvider"/>.
/// </summary>
public interface IAwsCredentialsProvider
{
    /// <summary>Credentials valid now (and, for temporary ones, for a while longer).</summary>
    /// <exception cref="AwsCredentialsException">The source could not supply credentials; the message says which source and why.</exception>
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default);
}
