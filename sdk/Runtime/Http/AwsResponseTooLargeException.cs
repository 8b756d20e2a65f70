using System;
using System.Globalization;

namespace CloudTrailSdk;

/// <summary>
/// A response body was larger than <see cref="AwsClientOptions.MaxResponseBodySize"/>. Nothing beyond the limit was
/// read, and the call is not retried: the same request would get the same answer.
/// </summary>
public sealed class AwsResponseTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation whose answer was too large.</param>
    /// <param name="limit">The limit in bytes.</param>
    /// <param name="declaredLength">The Content-Length, when the answer declared one.</param>
    public AwsResponseTooLargeException(string operation, long limit, long? declaredLength)
        : base(Describe(operation, limit, declaredLength))
    {
        Operation = operation;
        Limit = limit;
        DeclaredLength = declaredLength;
    }

    /// <summary>The operation whose answer was too large.</summary>
    public string Operation { get; }

    /// <summary>The limit in bytes (<see cref="AwsClientOptions.MaxResponseBodySize"/>).</summary>
    public long Limit { get; }

    /// <summary>The answer's Content-Length, or <see langword="null"/> when it was sent without one (then reading stopped at the limit).</summary>
    public long? DeclaredLength { get; }

    private static string Describe(string operation, long limit, long? declared) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{operation}: the response body is {(declared is { } n ? n + " bytes" : "longer than the limit")}, above the limit of {limit} bytes (AwsClientOptions.MaxResponseBodySize). Raise the limit if answers this large are expected.");
}
