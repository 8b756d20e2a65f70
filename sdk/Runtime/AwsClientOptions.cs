using System;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Config;

namespace CloudTrailSdk.Runtime;

/// <summary>
/// How a generated client reaches its service. Anything left unset is resolved the way every AWS SDK resolves it:
/// environment variables, then the shared config and credentials files.
/// </summary>
public sealed class AwsClientOptions
{
    /// <summary>Explicit credentials; otherwise the environment, then the shared files.</summary>
    public AwsCredentials? Credentials { get; init; }

    /// <summary>Explicit region; otherwise AWS_REGION, AWS_DEFAULT_REGION, then the profile.</summary>
    public string? Region { get; init; }

    /// <summary>Explicit endpoint; otherwise AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, the profile, then AWS's.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The shared-config profile; otherwise AWS_PROFILE, then <c>default</c>.</summary>
    public string? Profile { get; init; }

    /// <summary>Validate requests against the model before sending (default on). Off sends whatever is given.</summary>
    public bool ValidateRequests { get; init; } = true;

    /// <summary>Where environment variables and the home directory come from; tests substitute their own.</summary>
    public IEnvironment Environment { get; init; } = ProcessEnvironment.Instance;

    /// <summary>The clock used for signing; tests substitute their own.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
