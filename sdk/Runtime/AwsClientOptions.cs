using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CloudTrailSdk.Runtime.Auth;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Runtime.Diagnostics;
using CloudTrailSdk.Runtime.Pacing;
using CloudTrailSdk.Runtime.Retry;

namespace CloudTrailSdk;

/// <summary>
/// How a generated client reaches its service. Anything left unset is resolved the way every AWS SDK resolves it:
/// environment variables, then the shared config and credentials files. Properties are settable so the options
/// pattern (<c>services.AddCloudTrailClient(o =&gt; …)</c>) can fill them; a client copies what it needs when it is
/// created, so changing the options afterwards does not affect it.
/// </summary>
public sealed class AwsClientOptions
{
    /// <summary>
    /// Explicit credentials; otherwise the default chain: environment, web identity, the shared files (keys, roles, SSO,
    /// <c>credential_process</c>), the container endpoint, then IMDSv2.
    /// </summary>
    public AwsCredentials? Credentials { get; set; }

    /// <summary>
    /// A credentials source of your own (wins over <see cref="Credentials"/> and the default chain). The client asks it
    /// before every attempt; derive from <see cref="RefreshingCredentialsProvider"/> for caching and refresh before expiry.
    /// </summary>
    public IAwsCredentialsProvider? CredentialsProvider { get; set; }

    /// <summary>
    /// Supplies MFA codes for a profile whose <c>role_arn</c> comes with <c>mfa_serial</c>: called with the profile, role
    /// and device, it returns the code the device shows (e.g. by prompting on the console). Without it such a profile
    /// fails at client creation with a message saying so.
    /// </summary>
    public Func<AwsMfaChallenge, CancellationToken, ValueTask<string>>? MfaTokenCode { get; set; }

    /// <summary>Explicit region; otherwise AWS_REGION, AWS_DEFAULT_REGION, then the profile.</summary>
    public string? Region { get; set; }

    /// <summary>Explicit endpoint; otherwise AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, the profile, then AWS's.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The shared-config profile; otherwise AWS_PROFILE, then <c>default</c>.</summary>
    public string? Profile { get; set; }

    /// <summary>Validate requests against the model before sending (default on). Off sends whatever is given.</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>Where environment variables and the home directory come from; tests substitute their own.</summary>
    public IEnvironment Environment { get; set; } = ProcessEnvironment.Instance;

    /// <summary>The clock for signing, backoff, pacing and timeouts; tests substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Retries in AWS's standard mode (3 attempts unless <c>AWS_MAX_ATTEMPTS</c> or <see cref="AwsRetryOptions.MaxAttempts"/> says otherwise).</summary>
    public AwsRetryOptions Retry { get; set; } = new();

    /// <summary>The limit for one attempt (sending and reading the response). Unset: none beyond the HttpClient's own. A timed-out attempt is retried.</summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>The limit for a whole call: pacing waits, every attempt and every backoff. Unset: none.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The default <see cref="MaxResponseBodySize"/>: 64 MiB, far above any CloudTrail page (a LookupEvents page is at most a few MiB).</summary>
    public const long DefaultMaxResponseBodySize = 64L * 1024 * 1024;

    /// <summary>The largest limit that can be set: the largest array .NET allocates.</summary>
    public const long LargestResponseBodySize = 0x7FFFFFC7;

    /// <summary>
    /// The largest response body the client reads, in bytes (default <see cref="DefaultMaxResponseBodySize"/>). A body
    /// is read once into one buffer of its size; a larger one fails with <see cref="AwsResponseTooLargeException"/>
    /// naming the limit, before it is read, so a misbehaving endpoint cannot exhaust memory.
    /// </summary>
    public long MaxResponseBodySize { get; set; } = DefaultMaxResponseBodySize;

    /// <summary>Pacing of rate-limited operations (LookupEvents). Default: the model's rate, 2 requests/s, burst 1.</summary>
    public AwsPacing Pacing { get; set; } = AwsPacing.ModelRate;

    /// <summary>
    /// Where to get an HttpClient for each attempt when the client was not given one, e.g. <c>IHttpClientFactory.CreateClient</c>,
    /// so a long-lived client still picks up rotated handlers. The returned clients are not disposed by the SDK.
    /// </summary>
    public Func<HttpClient>? HttpClientFactory { get; set; }

    /// <summary>Receives what the client does (attempts, retries, failures); never headers, bodies or credentials. Unset: nothing is logged.</summary>
    public Action<AwsLogEntry>? Log { get; set; }

    /// <summary>
    /// Leave out the host prefix an operation's model asks for (<c>endpoint.hostPrefix</c>), as the AWS SDKs'
    /// <c>DisableHostPrefixInjection</c> / <c>inject_host_prefix=False</c> do: for an endpoint that cannot take one.
    /// </summary>
    public bool DisableHostPrefixInjection { get; set; }

    /// <summary>Turn request compression off; otherwise <c>AWS_DISABLE_REQUEST_COMPRESSION</c>, then the profile's <c>disable_request_compression</c>.</summary>
    public bool? DisableRequestCompression { get; set; }

    /// <summary>
    /// The smallest body compressed for operations that support it (0 to 10485760); otherwise
    /// <c>AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES</c>, then the profile's <c>request_min_compression_size_bytes</c>, then 10240.
    /// </summary>
    public int? RequestMinCompressionSizeBytes { get; set; }
}
