using System;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Analyzers.Tests.Support;

namespace CloudTrailSdk.Analyzers.Tests;

/// <summary>Rules that tie two members of one request, read from the AwsShapeRule attributes the generator stamps.</summary>
[Trait("Category", "Unit")]
public sealed class ShapeRuleTests
{
    [Fact]
    public async Task Mutually_exclusive_members_both_set_are_reported_on_the_second()
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync("""
            class C
            {
                object M(EventSelector s, AdvancedEventSelector a) => new PutEventSelectorsRequest
                {
                    TrailName = "t1x",
                    EventSelectors = [s],
                    {|CTSDK009:AdvancedEventSelectors = [a]|},
                };
            }
            """);
        Assert.Equal(
            "PutEventSelectorsRequest: only one of EventSelectors, AdvancedEventSelectors may be set; both are",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Mutually_exclusive_members_that_may_be_null_are_not_reported() => AnalyzerAssert.VerifyAsync("""
        using System.Collections.Generic;
        class C
        {
            object A(List<EventSelector>? s, AdvancedEventSelector a) => new PutEventSelectorsRequest { TrailName = "t1x", EventSelectors = s, AdvancedEventSelectors = [a] };
            object B(AdvancedEventSelector a) => new PutEventSelectorsRequest { TrailName = "t1x", EventSelectors = null, AdvancedEventSelectors = [a] };
            object D(EventSelector s) => new PutEventSelectorsRequest { TrailName = "t1x", EventSelectors = [s] };
        }
        """);

    [Fact]
    public async Task Start_time_after_end_time_when_both_are_known()
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync("""
            using System;
            using System.Globalization;
            class C
            {
                object A() => new LookupEventsRequest { {|CTSDK010:StartTime = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero)|},
                                                         EndTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };
                object B() => new LookupEventsRequest { {|CTSDK010:StartTime = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)|}, EndTime = new DateTime(2026, 2, 1) };
                object D() => new LookupEventsRequest { {|CTSDK010:StartTime = DateTimeOffset.Parse("2026-01-02T00:00:00Z", CultureInfo.InvariantCulture)|}, EndTime = DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture) };
            }
            """);
        Assert.Contains("LookupEventsRequest: StartTime 2026-01-02T00:00:00Z is after EndTime 2026-01-01T00:00:00Z", diagnostics.Select(d => d.GetMessage()));
    }

    [Fact]
    public async Task Every_constant_time_form_is_read()
    {
        // Each line puts the start one unit after the end, so a form read wrong (or not at all) is a missing diagnostic.
        var diagnostics = await AnalyzerAssert.VerifyAsync("""
            using System;
            using System.Globalization;
            class C
            {
                static readonly DateTime End = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                object Ticks() => new LookupEventsRequest { {|CTSDK010:StartTime = new DateTime(639_000_000_000_000_001L)|}, EndTime = new DateTime(639_000_000_000_000_000L) };
                object TicksKind() => new LookupEventsRequest { {|CTSDK010:StartTime = new DateTime(639_000_000_000_000_001L, DateTimeKind.Utc)|}, EndTime = new DateTime(639_000_000_000_000_000L, DateTimeKind.Utc) };
                object Day() => new LookupEventsRequest { {|CTSDK010:StartTime = new DateTime(2026, 1, 2)|}, EndTime = new DateTime(2026, 1, 1) };
                object Millis() => new LookupEventsRequest { {|CTSDK010:StartTime = new DateTime(2026, 1, 1, 0, 0, 0, 2)|}, EndTime = new DateTime(2026, 1, 1, 0, 0, 0, 1) };
                object MillisKind() => new LookupEventsRequest { {|CTSDK010:StartTime = new DateTime(2026, 1, 1, 0, 0, 0, 2, DateTimeKind.Utc)|}, EndTime = new DateTime(2026, 1, 1, 0, 0, 0, 1, DateTimeKind.Utc) };
                object Micros() => new LookupEventsRequest { {|CTSDK010:StartTime = new DateTime(2026, 1, 1, 0, 0, 0, 0, 2)|}, EndTime = new DateTime(2026, 1, 1, 0, 0, 0, 0, 1) };
                object OffsetFromTime() => new LookupEventsRequest { {|CTSDK010:StartTime = new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0), TimeSpan.Zero)|}, EndTime = new DateTimeOffset(new DateTime(2026, 1, 1, 1, 0, 0), TimeSpan.FromHours(2)) };
                object OffsetTicks() => new LookupEventsRequest { {|CTSDK010:StartTime = new DateTimeOffset(639_000_000_000_000_001L, TimeSpan.Zero)|}, EndTime = new DateTimeOffset(639_000_000_000_000_000L, TimeSpan.Zero) };
                object OffsetMillis() => new LookupEventsRequest { {|CTSDK010:StartTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, 2, TimeSpan.Zero)|}, EndTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, 1, TimeSpan.Zero) };
                object OffsetSpan() => new LookupEventsRequest { {|CTSDK010:StartTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, new TimeSpan(0, 0, 0))|}, EndTime = new DateTimeOffset(2026, 1, 1, 1, 0, 0, new TimeSpan(2, 0, 0)) };
                object Parse() => new LookupEventsRequest { {|CTSDK010:StartTime = DateTime.Parse("2026-01-02", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)|}, EndTime = DateTime.Parse("2026-01-01", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) };
                object ParseExact() => new LookupEventsRequest { {|CTSDK010:StartTime = DateTimeOffset.ParseExact("02/01/2026 +00:00", "dd/MM/yyyy zzz", CultureInfo.InvariantCulture)|}, EndTime = DateTimeOffset.ParseExact("01/01/2026 +00:00", "dd/MM/yyyy zzz", CultureInfo.InvariantCulture) };
                object FromField() => new LookupEventsRequest { StartTime = End, EndTime = End };
            }
            """);
        Assert.Equal(12, diagnostics.Length);
    }

    [Fact]
    public Task Times_the_runtime_would_reject_are_not_judged() => AnalyzerAssert.VerifyAsync("""
        using System;
        using System.Globalization;
        class C
        {
            object Month13() => new LookupEventsRequest { StartTime = new DateTime(2026, 13, 1), EndTime = new DateTime(2026, 1, 1) };
            object NotADate() => new LookupEventsRequest { StartTime = DateTime.Parse("yesterday", CultureInfo.InvariantCulture), EndTime = new DateTime(2026, 1, 1) };
            object UtcWithOffset() => new LookupEventsRequest { StartTime = new DateTimeOffset(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(1)), EndTime = new DateTime(2026, 1, 1) };
            object UserCulture() => new LookupEventsRequest { StartTime = DateTime.Parse("2027-01-01", CultureInfo.CurrentCulture), EndTime = new DateTime(2026, 1, 1) };
        }
        """);

    [Fact]
    public Task Times_that_are_in_order_or_not_known_are_not_reported() => AnalyzerAssert.VerifyAsync("""
        using System;
        class C
        {
            object A() => new LookupEventsRequest { StartTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), EndTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };
            object B(DateTimeOffset end) => new LookupEventsRequest { StartTime = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), EndTime = end };
            object D() => new LookupEventsRequest { StartTime = DateTimeOffset.UtcNow, EndTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) };
            object E() => new LookupEventsRequest { StartTime = new DateTime(2026, 1, 1), EndTime = new DateTime(2026, 6, 1) };
        }
        """);

    [Fact]
    public async Task Insight_lookups_filter_only_by_the_allowed_keys()
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync("""
            class C
            {
                object A() => new LookupEventsRequest
                {
                    EventCategory = EventCategory.Insight,
                    LookupAttributes = [new() { AttributeKey = {|CTSDK011:LookupAttributeKey.Username|}, AttributeValue = "alice" }],
                };
                object B() => new LookupEventsRequest
                {
                    EventCategory = "insight",
                    LookupAttributes = [new LookupAttribute { AttributeKey = {|CTSDK011:"ResourceName"|}, AttributeValue = "x" }],
                };
            }
            """);
        // Diagnostics arrive in no fixed order under concurrent execution: take the one about A's lookup.
        var message = Assert.Single(diagnostics.Select(d => d.GetMessage()), m => m.Contains("'Username'", StringComparison.Ordinal));
        Assert.True(
            message.StartsWith("LookupEventsRequest.LookupAttributes[0].AttributeKey: 'Username' is not allowed when EventCategory is 'insight'; allowed values: ", StringComparison.Ordinal),
            message);
    }

    [Fact]
    public Task Lookups_that_are_not_insight_or_use_allowed_keys_are_not_reported() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            object A() => new LookupEventsRequest { EventCategory = EventCategory.Insight, LookupAttributes = [new() { AttributeKey = LookupAttributeKey.EventName, AttributeValue = "x" }] };
            object B() => new LookupEventsRequest { LookupAttributes = [new() { AttributeKey = LookupAttributeKey.Username, AttributeValue = "alice" }] };
            object D(EventCategory category) => new LookupEventsRequest { EventCategory = category, LookupAttributes = [new() { AttributeKey = LookupAttributeKey.Username, AttributeValue = "alice" }] };
            object E() => new LookupEventsRequest { EventCategory = EventCategory.Insight, LookupAttributes = [new() { AttributeKey = LookupAttributeKey.EventSource, AttributeValue = "s3.amazonaws.com" }] };
        }
        """);

    [Fact]
    public void The_validator_enforces_the_same_rules_with_the_same_messages()
    {
        // One rule, one implementation: the generated validator calls the rule code the analyzer calls.
        var issues = new CloudTrailSdk.Runtime.Validation.ValidationCollector { CheckEnumValues = true };
        CloudTrailSdk.Validation.LookupEventsRequestValidator.Validate(new LookupEventsRequest
        {
            EventCategory = EventCategory.Insight,
            LookupAttributes = [new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = "alice" }],
        }, issues, string.Empty);
        var issue = Assert.Single(issues.Issues);
        Assert.Equal("allowed-values-when", issue.Rule);
        Assert.Equal("InvalidLookupAttributesException", issue.ErrorCode);
        Assert.StartsWith("'Username' is not allowed when EventCategory is 'insight'", issue.Message, StringComparison.Ordinal);

        issues = new CloudTrailSdk.Runtime.Validation.ValidationCollector();
        CloudTrailSdk.Validation.PutEventSelectorsRequestValidator.Validate(new PutEventSelectorsRequest
        {
            TrailName = "t1x", EventSelectors = [new EventSelector()], AdvancedEventSelectors = [new AdvancedEventSelector { FieldSelectors = [] }],
        }, issues, string.Empty);
        Assert.Contains(issues.Issues, i => i.Rule == "mutually-exclusive" && i.Message == "only one of EventSelectors, AdvancedEventSelectors may be set; both are");
    }
}
