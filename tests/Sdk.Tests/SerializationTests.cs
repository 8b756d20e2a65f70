using System;
using System.Linq;
using System.Text.Json;
using CloudTrailSdk.Runtime.Serialization;
using CloudTrailSdk.Serialization;

namespace CloudTrailSdk.Sdk.Tests;

[Trait("Category", "Unit")]
public sealed class SerializationTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private static readonly DateTimeOffset End = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_100_250);

    [Fact]
    public void LookupEventsRequest_round_trips_every_member()
    {
        var request = new LookupEventsRequest
        {
            LookupAttributes = [new LookupAttribute { AttributeKey = LookupAttributeKey.EventName, AttributeValue = "ConsoleLogin" }],
            StartTime = Start,
            EndTime = End,
            EventCategory = EventCategory.Insight,
            MaxResults = 25,
            NextToken = "tok",
        };

        var back = Json.RoundTrip(LookupEventsRequestSerializer.Write, LookupEventsRequestSerializer.Read, request, out var json);

        Assert.Equal(["LookupAttributes", "StartTime", "EndTime", "EventCategory", "MaxResults", "NextToken"], Json.PropertyNames(json));
        var attribute = Assert.Single(back.LookupAttributes!);
        Assert.Equal(LookupAttributeKey.EventName, attribute.AttributeKey);
        Assert.Equal("ConsoleLogin", attribute.AttributeValue);
        Assert.Equal(Start, back.StartTime);
        Assert.Equal(End, back.EndTime);
        Assert.Equal(EventCategory.Insight, back.EventCategory);
        Assert.Equal(25, back.MaxResults);
        Assert.Equal("tok", back.NextToken);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("insight", doc.RootElement.GetProperty("EventCategory").GetString());
        Assert.Equal("EventName", doc.RootElement.GetProperty("LookupAttributes")[0].GetProperty("AttributeKey").GetString());
    }

    [Fact]
    public void Absent_members_are_not_written()
    {
        Assert.Equal("{}", Json.Write(LookupEventsRequestSerializer.Write, new LookupEventsRequest()));
    }

    [Fact]
    public void LookupEventsResponse_round_trips_events_and_token()
    {
        var response = new LookupEventsResponse
        {
            Events =
            [
                new Event
                {
                    EventId = "e-1", EventName = "CreateTrail", ReadOnly = "false", AccessKeyId = "AKID", EventTime = End,
                    EventSource = "cloudtrail.amazonaws.com", Username = "alice",
                    Resources = [new Resource { ResourceType = "AWS::CloudTrail::Trail", ResourceName = "t" }],
                    CloudTrailEvent = "{\"eventVersion\":\"1.08\"}",
                },
                new Event { EventId = "e-2" },
            ],
            NextToken = "next",
        };

        var back = Json.RoundTrip(LookupEventsResponseSerializer.Write, LookupEventsResponseSerializer.Read, response, out _);

        Assert.Equal(["e-1", "e-2"], back.Events!.Select(e => e.EventId));
        var first = back.Events![0];
        Assert.Equal("CreateTrail", first.EventName);
        Assert.Equal(End, first.EventTime);
        Assert.Equal("alice", first.Username);
        Assert.Equal("t", Assert.Single(first.Resources!).ResourceName);
        Assert.Equal("{\"eventVersion\":\"1.08\"}", first.CloudTrailEvent);
        Assert.Null(back.Events![1].EventName);
        Assert.Equal("next", back.NextToken);
    }

    [Fact]
    public void DescribeTrailsRequest_uses_lower_camel_wire_names()
    {
        var request = new DescribeTrailsRequest { TrailNameList = ["a-trail", "arn:aws:cloudtrail:us-east-1:123456789012:trail/b"], IncludeShadowTrails = false };

        var back = Json.RoundTrip(DescribeTrailsRequestSerializer.Write, DescribeTrailsRequestSerializer.Read, request, out var json);

        Assert.Equal(["trailNameList", "includeShadowTrails"], Json.PropertyNames(json));
        Assert.Equal(request.TrailNameList, back.TrailNameList);
        Assert.False(back.IncludeShadowTrails);
        Assert.Null(Json.Read(DescribeTrailsRequestSerializer.Read, "{\"TrailNameList\":[\"x\"]}").TrailNameList);
    }

    [Fact]
    public void DescribeTrailsResponse_uses_trailList()
    {
        var response = new DescribeTrailsResponse
        {
            TrailList =
            [
                new Trail { Name = "t1", S3BucketName = "b", IsMultiRegionTrail = true, HomeRegion = "us-east-1", TrailARN = "arn:aws:cloudtrail:us-east-1:123456789012:trail/t1" },
                new Trail { Name = "t2", LogFileValidationEnabled = false },
            ],
        };

        var back = Json.RoundTrip(DescribeTrailsResponseSerializer.Write, DescribeTrailsResponseSerializer.Read, response, out var json);

        Assert.Equal(["trailList"], Json.PropertyNames(json));
        Assert.Equal(2, back.TrailList!.Count);
        Assert.Equal(response.TrailList[0], back.TrailList[0]);
        Assert.Equal(response.TrailList[1], back.TrailList[1]);
    }

    [Fact]
    public void PutEventSelectorsRequest_round_trips_basic_selectors()
    {
        var request = new PutEventSelectorsRequest
        {
            TrailName = "my-trail",
            EventSelectors =
            [
                new EventSelector
                {
                    ReadWriteType = ReadWriteType.WriteOnly,
                    IncludeManagementEvents = true,
                    DataResources = [new DataResource { Type = "AWS::S3::Object", Values = ["arn:aws:s3:::bucket/", "arn:aws:s3:::other/"] }],
                    ExcludeManagementEventSources = ["kms.amazonaws.com"],
                },
            ],
        };

        var back = Json.RoundTrip(PutEventSelectorsRequestSerializer.Write, PutEventSelectorsRequestSerializer.Read, request, out var json);

        Assert.Equal(["TrailName", "EventSelectors"], Json.PropertyNames(json));
        Assert.Equal("my-trail", back.TrailName);
        Assert.Null(back.AdvancedEventSelectors);
        var selector = Assert.Single(back.EventSelectors!);
        Assert.Equal(ReadWriteType.WriteOnly, selector.ReadWriteType);
        Assert.True(selector.IncludeManagementEvents);
        var resource = Assert.Single(selector.DataResources!);
        Assert.Equal("AWS::S3::Object", resource.Type);
        Assert.Equal(["arn:aws:s3:::bucket/", "arn:aws:s3:::other/"], resource.Values);
        Assert.Equal(["kms.amazonaws.com"], selector.ExcludeManagementEventSources);
        Assert.Contains("\"ReadWriteType\":\"WriteOnly\"", json);
    }

    [Fact]
    public void PutEventSelectorsRequest_round_trips_advanced_selectors_with_Equals_on_the_wire()
    {
        var request = new PutEventSelectorsRequest
        {
            TrailName = "my-trail",
            AdvancedEventSelectors =
            [
                new AdvancedEventSelector
                {
                    Name = "s3 writes",
                    FieldSelectors =
                    [
                        new AdvancedFieldSelector { Field = "eventCategory", EqualsValue = ["Data"] },
                        new AdvancedFieldSelector { Field = "resources.ARN", StartsWith = ["arn:aws:s3:::b/"], NotEndsWith = [".tmp"] },
                    ],
                },
            ],
        };

        var back = Json.RoundTrip(PutEventSelectorsRequestSerializer.Write, PutEventSelectorsRequestSerializer.Read, request, out var json);

        Assert.Equal(["TrailName", "AdvancedEventSelectors"], Json.PropertyNames(json));
        using var doc = JsonDocument.Parse(json);
        var fields = doc.RootElement.GetProperty("AdvancedEventSelectors")[0].GetProperty("FieldSelectors");
        Assert.Equal("Data", fields[0].GetProperty("Equals")[0].GetString());
        Assert.False(fields[0].TryGetProperty("EqualsValue", out _));
        var selector = Assert.Single(back.AdvancedEventSelectors!);
        Assert.Equal("s3 writes", selector.Name);
        Assert.Equal(["Data"], selector.FieldSelectors[0].EqualsValue);
        Assert.Equal(["arn:aws:s3:::b/"], selector.FieldSelectors[1].StartsWith);
        Assert.Equal([".tmp"], selector.FieldSelectors[1].NotEndsWith);
        Assert.Null(back.EventSelectors);
    }

    [Fact]
    public void Timestamps_are_epoch_seconds_on_the_wire()
    {
        var whole = Json.Write(LookupEventsRequestSerializer.Write, new LookupEventsRequest { StartTime = Start });
        var fractional = Json.Write(LookupEventsRequestSerializer.Write, new LookupEventsRequest { StartTime = End });

        Assert.Equal("{\"StartTime\":1700000000}", whole);
        Assert.Equal("{\"StartTime\":1700000100.25}", fractional);
    }

    [Theory]
    [InlineData("1700000000", 1_700_000_000_000L)]
    [InlineData("1700000000.0", 1_700_000_000_000L)]
    [InlineData("1700000000.123", 1_700_000_000_123L)]
    [InlineData("1700000000.5", 1_700_000_000_500L)]
    [InlineData("\"2023-11-14T22:13:20.123Z\"", 1_700_000_000_123L)]
    public void Timestamps_are_read_with_and_without_fractional_millis(string wire, long expectedMillis)
    {
        var response = Json.Read(LookupEventsResponseSerializer.Read, "{\"Events\":[{\"EventTime\":" + wire + "}]}");

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expectedMillis), response.Events![0].EventTime);
    }

    [Fact]
    public void Unknown_members_of_any_shape_are_skipped()
    {
        const string json = """
            {"Future":{"a":[1,{"b":null}],"c":"d"},"Events":[{"EventId":"e","NewField":[true,false],"EventName":"n"}],"More":42,"NextToken":"t","Last":null}
            """;

        var response = Json.Read(LookupEventsResponseSerializer.Read, json);

        var e = Assert.Single(response.Events!);
        Assert.Equal("e", e.EventId);
        Assert.Equal("n", e.EventName);
        Assert.Equal("t", response.NextToken);
    }

    [Fact]
    public void Null_members_are_treated_as_absent()
    {
        var request = Json.Read(LookupEventsRequestSerializer.Read,
            "{\"LookupAttributes\":null,\"StartTime\":null,\"EventCategory\":null,\"MaxResults\":null,\"NextToken\":null}");

        Assert.Null(request.LookupAttributes);
        Assert.Null(request.StartTime);
        Assert.Null(request.EventCategory);
        Assert.Null(request.MaxResults);
        Assert.Null(request.NextToken);
        Assert.Equal("{}", Json.Write(LookupEventsRequestSerializer.Write, request));
    }

    [Theory]
    [InlineData("{\"MaxResults\":\"5\"}", "MaxResults")]
    [InlineData("{\"NextToken\":5}", "NextToken")]
    [InlineData("{\"StartTime\":true}", "StartTime")]
    [InlineData("{\"LookupAttributes\":{}}", "LookupAttributes")]
    [InlineData("{\"LookupAttributes\":[{\"AttributeValue\":[]}]}", "AttributeValue")]
    [InlineData("{\"MaxResults\":1.5}", "MaxResults")]
    public void Wrong_token_types_name_the_member(string json, string member)
    {
        var error = Assert.Throws<AwsJsonException>(() => Json.Read(LookupEventsRequestSerializer.Read, json));

        Assert.Contains("'" + member + "'", error.Message);
    }

    [Fact]
    public void Wrong_token_type_in_a_lower_camel_member_names_the_wire_name()
    {
        var error = Assert.Throws<AwsJsonException>(() => Json.Read(DescribeTrailsRequestSerializer.Read, "{\"includeShadowTrails\":\"yes\"}"));

        Assert.Contains("includeShadowTrails", error.Message);
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_rejected()
    {
        Assert.Throws<AwsJsonException>(() => Json.Read(LookupEventsRequestSerializer.Read, "[]"));
    }

    [Fact]
    public void Unknown_enum_values_are_kept_and_round_trip()
    {
        var future = new EventCategory("future");
        Assert.False(future.IsKnown);
        Assert.True(EventCategory.Insight.IsKnown);
        Assert.Equal("future", future.Value);

        var back = Json.RoundTrip(LookupEventsRequestSerializer.Write, LookupEventsRequestSerializer.Read, new LookupEventsRequest { EventCategory = future }, out var json);

        Assert.Equal("{\"EventCategory\":\"future\"}", json);
        Assert.Equal(future, back.EventCategory);
        Assert.False(back.EventCategory!.Value.IsKnown);
        Assert.NotEqual(EventCategory.Insight, back.EventCategory);
    }

    [Fact]
    public void Enums_compare_by_value_and_are_case_sensitive()
    {
        Assert.Equal(EventCategory.Insight, new EventCategory("insight"));
        Assert.False(new EventCategory("Insight").IsKnown);
        Assert.Equal("insight", EventCategory.Insight.ToString());
    }
}
