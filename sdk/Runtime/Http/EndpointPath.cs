using System;

namespace CloudTrailSdk.Runtime.Http;

/// <summary>
/// awsJson operations are all at <c>requestUri</c> "/", relative to the endpoint: an endpoint with a path
/// (<c>https://example.com/custom</c>, say, behind a proxy) gets requests at <c>/custom/</c>, as every AWS SDK sends
/// them. Without this the trailing '/' of the operation's URI would be lost.
/// </summary>
internal static class EndpointPath
{
    public static Uri ForOperation(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.AbsolutePath.EndsWith('/'))
        {
            return endpoint;
        }

        var builder = new UriBuilder(endpoint) { Path = endpoint.AbsolutePath + "/" };
        return builder.Uri;
    }
}
