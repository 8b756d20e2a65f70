using System;
using System.Collections.Generic;
using System.Linq;
using CloudTrailSdk.Runtime.Validation;
using CloudTrailSdk.Validation;

namespace CloudTrailSdk.Sdk.Tests;

[Trait("Category", "Unit")]
public sealed class ValidationTests
{
    private static IReadOnlyList<ValidationIssue> Issues<T>(Action<T, ValidationCollector, string> validate, T value, bool checkEnums = false)
    {
        var issues = new ValidationCollector { CheckEnumValues = checkEnums };
        validate(value, issues, string.Empty);
        return issues.Issues;
    }

    private static ValidationIssue At(IReadOnlyList<ValidationIssue> issues, string path) =>
        Assert.Single(issues, i => i.Path == path);

    private static string Weighted2001() => new string('_', 1000) + "a"; // 1001 chars; '_' weighs two, so 2001.

    [Fact]
    public void LookupEvents_two_attributes_and_an_overweight_value_are_both_reported()
    {
        var request = new LookupEventsRequest
        {
            LookupAttributes =
            [
                new LookupAttribute { AttributeKey = LookupAttributeKey.EventName, AttributeValue = Weighted2001() },
                new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = "bob" },
            ],
        };

        var issues = Issues<LookupEventsRequest>(LookupEventsRequestValidator.Validate, request);

        Assert.Equal(2, issues.Count);
        var count = At(issues, "LookupAttributes");
        Assert.Equal("count", count.Rule);
        Assert.Equal("InvalidLookupAttributesException", count.ErrorCode);
        var weight = At(issues, "LookupAttributes[0].AttributeValue");
        Assert.Equal("weighted-length", weight.Rule);
        Assert.Equal("InvalidLookupAttributesException", weight.ErrorCode);
        Assert.Contains("2001", weight.Message);
    }

    [Fact]
    public void LookupEvents_value_of_exactly_2000_weighted_chars_is_valid()
    {
        var request = new LookupEventsRequest
        {
            LookupAttributes = [new LookupAttribute { AttributeKey = LookupAttributeKey.EventName, AttributeValue = new string('_', 1000) }],
        };

        Assert.Empty(Issues<LookupEventsRequest>(LookupEventsRequestValidator.Validate, request));
    }

    [Theory]
    [InlineData(51, true)]
    [InlineData(0, true)]
    [InlineData(50, false)]
    [InlineData(1, false)]
    public void LookupEvents_MaxResults_range(int maxResults, bool invalid)
    {
        var issues = Issues<LookupEventsRequest>(LookupEventsRequestValidator.Validate, new LookupEventsRequest { MaxResults = maxResults });

        if (invalid)
        {
            var issue = At(issues, "MaxResults");
            Assert.Equal("range", issue.Rule);
            Assert.Equal("InvalidMaxResultsException", issue.ErrorCode);
            Assert.Single(issues);
        }
        else
        {
            Assert.Empty(issues);
        }
    }

    [Fact]
    public void LookupEvents_start_after_end_is_InvalidTimeRange()
    {
        var end = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var issues = Issues<LookupEventsRequest>(LookupEventsRequestValidator.Validate, new LookupEventsRequest { StartTime = end.AddSeconds(1), EndTime = end });

        var issue = Assert.Single(issues);
        Assert.Equal("InvalidTimeRangeException", issue.ErrorCode);
        Assert.Contains("StartTime", issue.Message + issue.Path);
    }

    [Fact]
    public void LookupEvents_equal_or_open_ended_times_are_valid()
    {
        var t = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Empty(Issues<LookupEventsRequest>(LookupEventsRequestValidator.Validate, new LookupEventsRequest { StartTime = t, EndTime = t }));
        Assert.Empty(Issues<LookupEventsRequest>(LookupEventsRequestValidator.Validate, new LookupEventsRequest { StartTime = t }));
        Assert.Empty(Issues<LookupEventsRequest>(LookupEventsRequestValidator.Validate, new LookupEventsRequest { EndTime = t }));
    }

    [Fact]
    public void LookupEvents_unknown_enum_passes_on_the_client_but_not_with_enum_checks()
    {
        var request = new LookupEventsRequest { EventCategory = new EventCategory("future") };

        Assert.Empty(Issues<LookupEventsRequest>(LookupEventsRequestValidator.Validate, request));
        var issue = Assert.Single(Issues<LookupEventsRequest>(LookupEventsRequestValidator.Validate, request, checkEnums: true));
        Assert.Equal("EventCategory", issue.Path);
        Assert.Equal("InvalidEventCategoryException", issue.ErrorCode);
    }

    [Theory]
    [InlineData("my--trail")]
    [InlineData("ab")]
    [InlineData("-trail")]
    [InlineData("trail_")]
    [InlineData("my trail")]
    [InlineData("192.168.5.4")]
    public void CreateTrail_bad_names_are_InvalidTrailName(string name)
    {
        var issues = Issues<CreateTrailRequest>(CreateTrailRequestValidator.Validate, new CreateTrailRequest { Name = name, S3BucketName = "bucket" });

        var issue = At(issues, "Name");
        Assert.Equal("InvalidTrailNameException", issue.ErrorCode);
    }

    [Fact]
    public void CreateTrail_rejects_an_ARN_that_GetTrail_accepts()
    {
        const string arn = "arn:aws:cloudtrail:us-east-1:123456789012:trail/my-trail";

        var create = Issues<CreateTrailRequest>(CreateTrailRequestValidator.Validate, new CreateTrailRequest { Name = arn, S3BucketName = "bucket" });
        var get = Issues<GetTrailRequest>(GetTrailRequestValidator.Validate, new GetTrailRequest { Name = arn });

        Assert.Equal("InvalidTrailNameException", At(create, "Name").ErrorCode);
        Assert.Empty(get);
    }

    [Fact]
    public void GetTrail_rejects_a_malformed_ARN()
    {
        var get = Issues<GetTrailRequest>(GetTrailRequestValidator.Validate, new GetTrailRequest { Name = "arn:aws:cloudtrail:us-east-1:12345:trail/t" });

        Assert.Equal("InvalidTrailNameException", At(get, "Name").ErrorCode);
    }

    [Fact]
    public void CreateTrail_valid_name_has_no_issues()
    {
        Assert.Empty(Issues<CreateTrailRequest>(CreateTrailRequestValidator.Validate, new CreateTrailRequest { Name = "my-trail_1.x", S3BucketName = "bucket" }));
    }

    [Fact]
    public void DescribeTrails_list_item_is_reported_at_its_wire_path()
    {
        var issues = Issues<DescribeTrailsRequest>(DescribeTrailsRequestValidator.Validate, new DescribeTrailsRequest { TrailNameList = ["192.168.5.4", "good-trail"] });

        var issue = Assert.Single(issues);
        Assert.Equal("trailNameList[0]", issue.Path);
        Assert.Equal("InvalidTrailNameException", issue.ErrorCode);
    }

    private static EventSelector Selector(int values = 1, string type = "AWS::S3::Object") => new()
    {
        ReadWriteType = ReadWriteType.All,
        DataResources = [new DataResource { Type = type, Values = Enumerable.Range(0, values).Select(i => "arn:aws:s3:::b" + i + "/").ToList() }],
    };

    private static AdvancedEventSelector Advanced() => new()
    {
        FieldSelectors = [new AdvancedFieldSelector { Field = "eventCategory", EqualsValue = ["Data"] }],
    };

    [Fact]
    public void PutEventSelectors_six_selectors_is_too_many()
    {
        var request = new PutEventSelectorsRequest { TrailName = "t-1", EventSelectors = Enumerable.Range(0, 6).Select(_ => Selector()).ToList() };

        var issue = Assert.Single(Issues<PutEventSelectorsRequest>(PutEventSelectorsRequestValidator.Validate, request));
        Assert.Equal("EventSelectors", issue.Path);
        Assert.Equal("count", issue.Rule);
        Assert.Equal("InvalidEventSelectorsException", issue.ErrorCode);
    }

    [Fact]
    public void PutEventSelectors_both_kinds_are_mutually_exclusive()
    {
        var request = new PutEventSelectorsRequest { TrailName = "t-1", EventSelectors = [Selector()], AdvancedEventSelectors = [Advanced()] };

        var issue = Assert.Single(Issues<PutEventSelectorsRequest>(PutEventSelectorsRequestValidator.Validate, request));
        Assert.Equal("mutually-exclusive", issue.Rule);
        Assert.Equal("InvalidEventSelectorsException", issue.ErrorCode);
    }

    [Fact]
    public void PutEventSelectors_251_values_across_selectors_exceed_the_total()
    {
        var request = new PutEventSelectorsRequest { TrailName = "t-1", EventSelectors = [Selector(100), Selector(100), Selector(51)] };

        var issue = Assert.Single(Issues<PutEventSelectorsRequest>(PutEventSelectorsRequestValidator.Validate, request));
        Assert.Equal("total-count", issue.Rule);
        Assert.Equal("EventSelectors", issue.Path);
        Assert.Equal("InvalidEventSelectorsException", issue.ErrorCode);
        Assert.Contains("251", issue.Message);
    }

    [Fact]
    public void PutEventSelectors_250_values_across_selectors_are_fine()
    {
        var request = new PutEventSelectorsRequest { TrailName = "t-1", EventSelectors = [Selector(100), Selector(100), Selector(50)] };

        Assert.Empty(Issues<PutEventSelectorsRequest>(PutEventSelectorsRequestValidator.Validate, request));
    }

    [Fact]
    public void PutEventSelectors_unknown_data_resource_type_is_reported_at_its_path()
    {
        var request = new PutEventSelectorsRequest { TrailName = "t-1", EventSelectors = [Selector(), Selector(type: "AWS::Foo::Bar")] };

        var issue = Assert.Single(Issues<PutEventSelectorsRequest>(PutEventSelectorsRequestValidator.Validate, request));
        Assert.Equal("EventSelectors[1].DataResources[0].Type", issue.Path);
        Assert.Equal("InvalidEventSelectorsException", issue.ErrorCode);
    }

    [Fact]
    public void PutEventSelectors_valid_requests_have_no_issues()
    {
        Assert.Empty(Issues<PutEventSelectorsRequest>(PutEventSelectorsRequestValidator.Validate,
            new PutEventSelectorsRequest { TrailName = "arn:aws:cloudtrail:us-east-1:123456789012:trail/t-1", EventSelectors = [Selector(3), Selector(type: "AWS::Lambda::Function")] }));
        Assert.Empty(Issues<PutEventSelectorsRequest>(PutEventSelectorsRequestValidator.Validate,
            new PutEventSelectorsRequest { TrailName = "t-1", AdvancedEventSelectors = [Advanced()] }));
    }

    [Fact]
    public void The_collector_reports_every_issue_at_once()
    {
        var request = new PutEventSelectorsRequest
        {
            TrailName = "my--trail",
            EventSelectors = [.. Enumerable.Range(0, 5).Select(_ => Selector(50)), Selector(1, "AWS::Foo::Bar")],
            AdvancedEventSelectors = [Advanced()],
        };

        var issues = Issues<PutEventSelectorsRequest>(PutEventSelectorsRequestValidator.Validate, request);

        Assert.Equal(
            new[] { "trail-name-or-arn", "count", "allowed-values", "mutually-exclusive", "total-count" }.Order(),
            issues.Select(i => i.Rule).Order());
        Assert.Equal("TrailName", At(issues, "TrailName").Path);
        Assert.Equal("InvalidTrailNameException", At(issues, "TrailName").ErrorCode);
        Assert.Equal("allowed-values", At(issues, "EventSelectors[5].DataResources[0].Type").Rule);
    }

    [Fact]
    public void A_valid_LookupEvents_request_has_no_issues_and_the_collector_stays_valid()
    {
        var issues = new ValidationCollector();
        LookupEventsRequestValidator.Validate(new LookupEventsRequest
        {
            LookupAttributes = [new LookupAttribute { AttributeKey = LookupAttributeKey.EventSource, AttributeValue = "s3.amazonaws.com" }],
            StartTime = DateTimeOffset.UnixEpoch,
            EndTime = DateTimeOffset.UnixEpoch.AddDays(1),
            EventCategory = EventCategory.Insight,
            MaxResults = 50,
        }, issues, string.Empty);

        Assert.True(issues.IsValid);
        Assert.Empty(issues.Issues);
        issues.ThrowIfInvalid("LookupEvents");
    }

    [Fact]
    public void ThrowIfInvalid_lists_every_issue()
    {
        var issues = new ValidationCollector();
        LookupEventsRequestValidator.Validate(new LookupEventsRequest { MaxResults = 0, StartTime = DateTimeOffset.MaxValue, EndTime = DateTimeOffset.UnixEpoch }, issues, string.Empty);

        var error = Assert.Throws<AwsValidationException>(() => issues.ThrowIfInvalid("LookupEvents"));

        Assert.Equal(2, error.Issues.Count);
        Assert.Equal("LookupEvents", error.Operation);
        Assert.Contains("MaxResults", error.Message);
        Assert.Contains("StartTime", error.Message);
    }
}
