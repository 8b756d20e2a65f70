using System;
using System.IO;
using System.Net.Http;
using CloudTrailSdk.Runtime.Http;
using CloudTrailSdk.Runtime.Retry;

namespace CloudTrailSdk.Runtime.Tests.Retry;

[Trait("Category", "Unit")]
public sealed class RetryClassifierTests
{
    private static AwsErrorResponse Error(string code, int status) => new(code, null, status, null, ReadOnlyMemory<byte>.Empty);

    [Theory]
    [InlineData("ThrottlingException")]
    [InlineData("Throttling")]
    [InlineData("ThrottledException")]
    [InlineData("RequestThrottledException")]
    [InlineData("TooManyRequestsException")]
    [InlineData("ProvisionedThroughputExceededException")]
    [InlineData("TransactionInProgressException")]
    [InlineData("RequestLimitExceeded")]
    [InlineData("BandwidthLimitExceeded")]
    [InlineData("LimitExceededException")]
    [InlineData("RequestThrottled")]
    [InlineData("SlowDown")]
    [InlineData("PriorRequestNotComplete")]
    [InlineData("EC2ThrottledException")]
    public void Throttling_codes_are_retried_as_throttling_even_as_a_400(string code)
    {
        Assert.Equal(RetryReason.Throttling, RetryClassifier.Classify(Error(code, 400)));
    }

    [Theory]
    [InlineData("RequestTimeout", 400)]
    [InlineData("RequestTimeoutException", 400)]
    [InlineData("InternalError", 400)]
    [InlineData("InternalFailure", 500)]
    [InlineData("BadGateway", 502)]
    [InlineData("ServiceUnavailable", 503)]
    [InlineData("GatewayTimeout", 504)]
    public void Transient_codes_and_5xx_are_retried(string code, int status)
    {
        Assert.Equal(RetryReason.Transient, RetryClassifier.Classify(Error(code, status)));
    }

    [Theory]
    [InlineData("ValidationException", 400)]
    [InlineData("InvalidLookupAttributesException", 400)]
    [InlineData("AccessDeniedException", 403)]
    [InlineData("TrailNotFoundException", 404)]
    [InlineData("NotImplemented", 501)]
    [InlineData("throttlingexception", 400)]
    public void Client_errors_are_not_retried(string code, int status)
    {
        Assert.Equal(RetryReason.None, RetryClassifier.Classify(Error(code, status)));
    }

    [Fact]
    public void Network_failures_and_timeouts_are_retried()
    {
        Assert.Equal(RetryReason.Transient, RetryClassifier.Classify(new HttpRequestException("connection reset")));
        Assert.Equal(RetryReason.Transient, RetryClassifier.Classify(new IOException("broken pipe")));
        Assert.Equal(RetryReason.Timeout, RetryClassifier.Classify(new AwsTimeoutException("Op", AwsTimeoutKind.Attempt, TimeSpan.FromSeconds(1))));
        Assert.Equal(RetryReason.None, RetryClassifier.Classify(new InvalidOperationException()));
    }
}
