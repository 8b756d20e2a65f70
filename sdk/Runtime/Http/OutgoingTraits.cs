namespace CloudTrailSdk.Runtime.Http;

/// <summary>What one call sends differently from the plain awsJson POST: a host prefix (already expanded and checked) and a Content-Encoding.</summary>
internal readonly record struct OutgoingTraits(string? HostPrefix, string? ContentEncoding)
{
    public static readonly OutgoingTraits None = default;
}
