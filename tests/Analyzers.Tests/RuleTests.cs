using System;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Analyzers.Tests;

/// <summary>Each rule fires on the member the model constrains, with a message naming the member and what is wrong.</summary>
[Trait("Category", "Unit")]
public sealed class RuleTests
{
    [Theory]
    [InlineData("my--trail", "has adjacent '-' and '-' at index 2")]
    [InlineData("ab", "is 2 characters long; it must be 3 to 128")]
    [InlineData("my trail", "has ' ' at index 2; only ASCII letters, digits, '.', '_' and '-' are allowed")]
    [InlineData("-trail", "must start with a letter or digit")]
    [InlineData("trail.", "must end with a letter or digit")]
    [InlineData("192.168.5.4", "is in IP address format")]
    [InlineData("arn:aws:cloudtrail:us-east-1:123456789012:trail/t1", "is a trail ARN, but only a trail name is allowed here")]
    public async Task TrailName_names_the_broken_rule(string name, string expected)
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync($$"""
            class C { object M() => new CreateTrailRequest { Name = {|CTSDK001:"{{name}}"|}, S3BucketName = "bucket" }; }
            """);
        var message = diagnostics.Single().GetMessage();
        Assert.StartsWith("CreateTrailRequest.Name: ", message, System.StringComparison.Ordinal);
        Assert.Contains(expected, message, System.StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Error, diagnostics.Single().Severity);
    }

    [Theory]
    [InlineData("arn:aws:cloudtrail:us-east-1:12345:trail/t1", "account '12345' is not 12 digits")]
    [InlineData("arn:aws:cloudtrail:us-east-1:123456789012:trail/a__b", "has adjacent '_' and '_'")]
    public async Task TrailArn_names_what_is_wrong(string arn, string expected)
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync($$"""
            class C { object M() => new GetTrailRequest { Name = {|CTSDK001:"{{arn}}"|} }; }
            """);
        Assert.StartsWith("GetTrailRequest.Name: ", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains(expected, diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeightedLength_shows_the_weighted_count()
    {
        // 1001 underscores: 1001 characters (within the plain length limit of 2000) but a weighted length of 2002.
        var value = new string('_', 1001);
        var diagnostics = await AnalyzerAssert.VerifyAsync($$"""
            class C { object M() => new LookupAttribute { AttributeKey = LookupAttributeKey.EventName, AttributeValue = {|CTSDK002:"{{value}}"|} }; }
            """);
        Assert.Equal(
            "LookupAttribute.AttributeValue: weighted length 2002 exceeds 2000 ('_', ' ', ',' and newline count as two)",
            diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData(2001)]
    [InlineData(2500)]
    public async Task A_value_over_both_length_limits_gets_only_the_weighted_diagnostic(int length)
    {
        // One fault, one diagnostic: every character weighs at least one, so the weighted limit (2000) is broken too,
        // and its message is the one that explains the limit.
        var value = new string('a', length);
        var diagnostics = await AnalyzerAssert.VerifyAsync($$"""
            class C { object M() => new LookupAttribute { AttributeKey = LookupAttributeKey.EventName, AttributeValue = {|CTSDK002:"{{value}}"|} }; }
            """);
        Assert.Contains("weighted length " + length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " exceeds 2000", diagnostics.Single().GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public Task A_length_below_the_minimum_is_still_reported_beside_a_weighted_limit() => AnalyzerAssert.VerifyAsync("""
        class C { object M() => new LookupAttribute { AttributeKey = LookupAttributeKey.EventName, AttributeValue = {|CTSDK004:""|} }; }
        """);

    [Fact]
    public async Task Count_more_than_one_lookup_attribute()
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync("""
            class C
            {
                static readonly LookupAttribute A = new() { AttributeKey = LookupAttributeKey.EventName, AttributeValue = "CreateTrail" };
                object M() => new LookupEventsRequest { LookupAttributes = {|CTSDK003:[A, A]|} };
            }
            """);
        Assert.Equal("LookupEventsRequest.LookupAttributes: holds 2 items; at most 1 allowed", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task Count_more_than_five_event_selectors()
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync("""
            class C
            {
                static readonly EventSelector S = new();
                object M() => new PutEventSelectorsRequest { TrailName = "t1x", EventSelectors = {|CTSDK003:new[] { S, S, S, S, S, S }|} };
            }
            """);
        Assert.Equal("PutEventSelectorsRequest.EventSelectors: holds 6 items; at most 5 allowed", diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("ab", "length 2 is below the minimum of 3")]
    public async Task Length_out_of_range(string name, string expected)
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync($$"""
            class C { object M() => new CreateEventDataStoreRequest { Name = {|CTSDK004:"{{name}}"|} }; }
            """);
        Assert.Equal("CreateEventDataStoreRequest.Name: " + expected, diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("51", "51 is above the maximum of 50")]
    [InlineData("0", "0 is below the minimum of 1")]
    [InlineData("-1", "-1 is below the minimum of 1")]
    public async Task Range_out_of_range(string value, string expected)
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync($$"""
            class C { object M() => new LookupEventsRequest { MaxResults = {|CTSDK005:{{value}}|} }; }
            """);
        Assert.Equal("LookupEventsRequest.MaxResults: " + expected, diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task Pattern_mismatch()
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync("""
            class C { object M() => new CreateEventDataStoreRequest { Name = {|CTSDK006:"my store"|} }; }
            """);
        Assert.Equal("CreateEventDataStoreRequest.Name: 'my store' does not match the pattern ^[a-zA-Z0-9._\\-]+$", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task Unknown_enum_value_is_a_warning_naming_the_known_values()
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync("""
            class C { object M() => new LookupAttribute { AttributeKey = {|CTSDK007:"EventNam"|}, AttributeValue = "x" }; }
            """);
        var diagnostic = diagnostics.Single();
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(
            "LookupAttribute.AttributeKey (LookupAttributeKey): 'EventNam' is not a known value; known values: EventId, EventName, ReadOnly, Username, ResourceType, ResourceName, EventSource, AccessKeyId",
            diagnostic.GetMessage());
    }

    [Fact]
    public async Task Value_outside_the_allowed_set()
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync("""
            class C { object M() => new DataResource { Type = {|CTSDK008:"AWS::S3::Bucket"|} }; }
            """);
        Assert.Equal(DiagnosticSeverity.Error, diagnostics.Single().Severity);
        Assert.Equal(
            "DataResource.Type: 'AWS::S3::Bucket' is not an allowed value; allowed values: AWS::S3::Object, AWS::Lambda::Function, AWS::DynamoDB::Table",
            diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task Every_rule_has_a_help_link_to_its_page()
    {
        var diagnostics = await AnalyzerAssert.VerifyAsync("""
            class C { object M() => new LookupEventsRequest { MaxResults = {|CTSDK005:51|} }; }
            """);
        Assert.Equal("https://github.com/cloudtrailsdk/cloudtrailsdk/blob/main/docs/diagnostics/CTSDK005.md", diagnostics.Single().Descriptor.HelpLinkUri);
    }
}
