using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CloudTrailSdk.Generator.Tests.Support;
using CloudTrailSdk.Runtime.Validation;

namespace CloudTrailSdk.Generator.Tests;

/// <summary>Runs generated CloudTrail code: validators and serializers must do what the model and customizations say.</summary>
[Trait("Category", "Unit")]
public sealed class ExecutionTests
{
    // The serializers read from a ref struct, which reflection cannot pass; this tiny probe is compiled in with the SDK.
    private const string RoundTripProbe = """
        namespace GeneratorTestProbe
        {
            public static class RoundTrip
            {
                public static string DescribeTrailsResponse(string json)
                {
                    var reader = new global::System.Text.Json.Utf8JsonReader(global::System.Text.Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    var value = global::CloudTrailSdk.Serialization.DescribeTrailsResponseSerializer.Read(ref reader);
                    var buffer = new global::System.IO.MemoryStream();
                    using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
                    {
                        global::CloudTrailSdk.Serialization.DescribeTrailsResponseSerializer.Write(writer, value);
                    }

                    return global::System.Text.Encoding.UTF8.GetString(buffer.ToArray());
                }

                public static string FirstTrailName(string json)
                {
                    var reader = new global::System.Text.Json.Utf8JsonReader(global::System.Text.Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    var value = global::CloudTrailSdk.Serialization.DescribeTrailsResponseSerializer.Read(ref reader);
                    return value.TrailList![0].Name!;
                }
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Generated = new(() =>
    {
        var run = TestHarness.Run(RepoModels.CloudTrail(), RoundTripProbe);
        run.AssertCleanAndCompiles();
        return run;
    });

    [Fact]
    public void LookupEventsValidator_ReportsCountAndWeightedLength()
    {
        using var sdk = TestHarness.Instance.Load(Generated.Value.OutputCompilation);
        var attributeType = sdk.Type("CloudTrailSdk.LookupAttribute");
        var keyType = sdk.Type("CloudTrailSdk.LookupAttributeKey");
        var eventName = keyType.GetProperty("EventName")!.GetValue(null);

        // 1000 underscores weigh double, plus one letter: 2001 weighted chars, 1001 real ones.
        var heavy = new string('_', 1000) + "a";
        var attributes = Array.CreateInstance(attributeType, 2);
        attributes.SetValue(NewAttribute(attributeType, eventName, heavy), 0);
        attributes.SetValue(NewAttribute(attributeType, eventName, "ConsoleLogin"), 1);

        var requestType = sdk.Type("CloudTrailSdk.LookupEventsRequest");
        var request = Activator.CreateInstance(requestType)!;
        requestType.GetProperty("LookupAttributes")!.SetValue(request, attributes);

        var issues = new ValidationCollector();
        sdk.Type("CloudTrailSdk.Validation.LookupEventsRequestValidator").GetMethod("Validate")!
            .Invoke(null, new[] { request, issues, string.Empty });

        var found = issues.Issues.Select(i => i.Path + " " + i.Rule + " " + i.ErrorCode).ToList();
        var described = string.Join("; ", found);
        Assert.Contains(issues.Issues, i => i.Path == "LookupAttributes" && i.Rule == "count" && i.ErrorCode == "InvalidLookupAttributesException");
        Assert.True(
            issues.Issues.Any(i => i.Path == "LookupAttributes[0].AttributeValue" && i.Rule == "weighted-length"),
            "expected a weighted-length issue at LookupAttributes[0].AttributeValue; got: " + described);
        Assert.DoesNotContain(issues.Issues, i => i.Path.StartsWith("LookupAttributes[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void LookupEventsValidator_AcceptsValidRequest()
    {
        using var sdk = TestHarness.Instance.Load(Generated.Value.OutputCompilation);
        var attributeType = sdk.Type("CloudTrailSdk.LookupAttribute");
        var eventName = sdk.Type("CloudTrailSdk.LookupAttributeKey").GetProperty("EventName")!.GetValue(null);
        var attributes = Array.CreateInstance(attributeType, 1);
        attributes.SetValue(NewAttribute(attributeType, eventName, new string('_', 1000)), 0); // exactly 2000 weighted
        var requestType = sdk.Type("CloudTrailSdk.LookupEventsRequest");
        var request = Activator.CreateInstance(requestType)!;
        requestType.GetProperty("LookupAttributes")!.SetValue(request, attributes);

        var issues = new ValidationCollector();
        sdk.Type("CloudTrailSdk.Validation.LookupEventsRequestValidator").GetMethod("Validate")!
            .Invoke(null, new[] { request, issues, string.Empty });
        Assert.True(issues.IsValid, string.Join("; ", issues.Issues.Select(i => i.Path + ": " + i.Message)));
    }

    [Fact]
    public void DescribeTrailsResponse_RoundTripsThroughSerializer()
    {
        const string json = """
            {"trailList":[
              {"Name":"org-trail","S3BucketName":"logs-bucket","S3KeyPrefix":"p/","IncludeGlobalServiceEvents":true,
               "IsMultiRegionTrail":false,"HomeRegion":"eu-west-1",
               "TrailARN":"arn:aws:cloudtrail:eu-west-1:123456789012:trail/org-trail","LogFileValidationEnabled":true,
               "HasCustomEventSelectors":false,"HasInsightSelectors":true,"IsOrganizationTrail":true},
              {"Name":"second","S3BucketName":"other"}
            ]}
            """;
        using var sdk = TestHarness.Instance.Load(Generated.Value.OutputCompilation);
        var probe = sdk.Type("GeneratorTestProbe.RoundTrip");
        var written = (string)probe.GetMethod("DescribeTrailsResponse")!.Invoke(null, new object[] { json })!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), "round trip changed the JSON:" + Environment.NewLine + written);
        Assert.Equal("org-trail", probe.GetMethod("FirstTrailName")!.Invoke(null, new object[] { json }));
    }

    private static object NewAttribute(Type attributeType, object? key, string value)
    {
        var attribute = Activator.CreateInstance(attributeType)!;
        attributeType.GetProperty("AttributeKey")!.SetValue(attribute, key);
        attributeType.GetProperty("AttributeValue")!.SetValue(attribute, value);
        return attribute;
    }
}
