using System.Linq;
using CloudTrailSdk.Protocol.Tests.Conformance;

namespace CloudTrailSdk.Protocol.Tests;

/// <summary>Keeps the count honest: the four suites hold 165 cases and every one of them runs.</summary>
[Trait("Category", "Unit")]
public sealed class SkippedCasesTests
{
    [Fact]
    public void EveryCaseOfTheFourSuitesRuns()
    {
        var skipped = ProtocolSuites.SkippedCases(ProtocolSuites.InputFiles).Concat(ProtocolSuites.SkippedCases(ProtocolSuites.OutputFiles)).ToList();
        Assert.Empty(skipped);
        Assert.Equal(165, ProtocolSuites.Cases(ProtocolSuites.InputFiles).Count() + ProtocolSuites.Cases(ProtocolSuites.OutputFiles).Count());
    }
}
