using System;
using System.Threading;
using System.Threading.Tasks;

namespace CloudTrailSdk;

/// <summary>
/// Caches credentials from <see cref="FetchAsync"/> and fetches new ones <see cref="RefreshBefore"/> ahead of their
/// <see cref="AwsCredentials.Expiration"/>. Concurrent callers share one fetch. If a refresh fails while the cached
/// credentials have not yet expired, they keep being used (the next call tries again); once expired, the failure is thrown.
/// Derive from it to plug in a source of your own.
/// </summary>
public abstract class RefreshingCredentialsProvider : IAwsCredentialsProvider, IDisposable
{
    /// <summary>How long before expiry credentials are refreshed unless a subclass says otherwise: 5 minutes, as AWS SDKs do.</summary>
    public static readonly TimeSpan DefaultRefreshBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Cached? _cached;

    /// <summary>Creates the provider.</summary>
    /// <param name="timeProvider">The clock that decides expiry (tests pass a fake one); <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="refreshBefore">How long before expiry to refresh; <see cref="DefaultRefreshBefore"/> when null.</param>
    protected RefreshingCredentialsProvider(TimeProvider? timeProvider = null, TimeSpan? refreshBefore = null)
    {
        if (refreshBefore is { } window && window < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(refreshBefore), window, "The refresh window must not be negative.");
        }

        TimeProvider = timeProvider ?? TimeProvider.System;
        RefreshBefore = refreshBefore ?? DefaultRefreshBefore;
    }

    /// <summary>The clock used for expiry.</summary>
    protected TimeProvider TimeProvider { get; }

    /// <summary>How long before expiry credentials are refreshed.</summary>
    public TimeSpan RefreshBefore { get; }

    /// <inheritdoc/>
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && TimeProvider.GetUtcNow() < cached.RefreshAt)
        {
            return cached.Credentials;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited for the gate.
            cached = _cached;
            var now = TimeProvider.GetUtcNow();
            if (cached is not null && now < cached.RefreshAt)
            {
                return cached.Credentials;
            }

            AwsCredentials fresh;
            try
            {
                fresh = await FetchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested && cached is not null && IsStillValid(cached.Credentials, now))
            {
                return cached.Credentials;
            }

            if (fresh is null)
            {
                throw new InvalidOperationException(GetType().Name + ".FetchAsync returned null.");
            }

            Volatile.Write(ref _cached, new Cached(fresh, RefreshTime(fresh, TimeProvider.GetUtcNow())));
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Fetches new credentials from the source. Called by one caller at a time.</summary>
    /// <exception cref="AwsCredentialsException">The source failed.</exception>
    protected abstract Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the cached credentials, so the next call fetches.</summary>
    public void Invalidate() => Volatile.Write(ref _cached, null);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources; subclasses holding an HttpClient dispose it here.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }
    }

    private static bool IsStillValid(AwsCredentials credentials, DateTimeOffset now) =>
        credentials.Expiration is not { } expires || now < expires;

    private DateTimeOffset RefreshTime(AwsCredentials credentials, DateTimeOffset now)
    {
        if (credentials.Expiration is not { } expires)
        {
            return DateTimeOffset.MaxValue;
        }

        // Credentials issued with less life left than the window would be refetched on every call; refresh them at
        // half their remaining life instead, so a source handing out short-lived credentials is not hammered.
        var planned = expires - RefreshBefore;
        return planned > now ? planned : now + ((expires - now) / 2);
    }

    private sealed record Cached(AwsCredentials Credentials, DateTimeOffset RefreshAt);
}
