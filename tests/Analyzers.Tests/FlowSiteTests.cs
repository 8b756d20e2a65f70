using System.Collections.Immutable;
using System.Threading.Tasks;
using CloudTrailSdk.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Analyzers.Tests;

/// <summary>Every place a constant can flow into a constrained member.</summary>
[Trait("Category", "Unit")]
public sealed class FlowSiteTests
{
    // Stands in for generated members with constrained parameters (convenience overloads, positional records):
    // compiled separately and referenced as metadata, as the SDK would be.
    private static readonly MetadataReference Library = AnalyzerHarness.Library("""
        using System.Collections.Generic;
        using CloudTrailSdk.Runtime.Constraints;
        namespace Lib
        {
            public static class TrailOps
            {
                public static void Describe([AwsRule("trail-name")] string name, [AwsRange(Min = 1, Max = 50)] int max = 100) { }
                public static void Names([AwsCount(Max = 2)][AwsRule("trail-name", AppliesToItems = true)] params string[] names) { }
                public static void Keys([AwsCount(Min = 1, Max = 1)] IReadOnlyList<CloudTrailSdk.LookupAttribute> attributes) { }
            }

            public sealed class TrailHandle
            {
                public TrailHandle([AwsRule("trail-name-or-arn")] string nameOrArn) { }
            }
        }
        """);

    private static ImmutableArray<MetadataReference> References => ImmutableArray.Create(Library);

    [Fact]
    public Task Property_assignment_outside_an_initializer() => AnalyzerAssert.VerifyAsync("""
        class Holder { [CloudTrailSdk.Runtime.Constraints.AwsRange(Min = 1, Max = 50)] public int Max { get; set; } }
        class C { void M(Holder h) { h.Max = {|CTSDK005:51|}; } }
        """);

    [Fact]
    public Task With_expression() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            object A(CreateTrailRequest r) => r with { Name = {|CTSDK001:"my--trail"|} };
            object B(LookupEventsRequest r) => r with { MaxResults = {|CTSDK005:0|}, LookupAttributes = {|CTSDK003:[r.LookupAttributes![0], r.LookupAttributes[0]]|} };
        }
        """);

    [Fact]
    public Task Nested_object_initializers() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            object M() => new PutEventSelectorsRequest
            {
                TrailName = {|CTSDK001:"a..b"|},
                EventSelectors = [new EventSelector { DataResources = [new DataResource { Type = {|CTSDK008:"AWS::S3::Bucket"|} }] }],
            };
        }
        """);

    [Fact]
    public Task Method_and_constructor_arguments_and_no_diagnostic_on_defaults() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            void M()
            {
                Lib.TrailOps.Describe({|CTSDK001:"my--trail"|});
                Lib.TrailOps.Describe("good-trail", {|CTSDK005:51|});
                Lib.TrailOps.Describe(max: {|CTSDK005:0|}, name: "good-trail");
                _ = new Lib.TrailHandle({|CTSDK001:"arn:aws:cloudtrail:us-east-1:123:trail/t"|});
            }
        }
        """, References);

    [Fact]
    public Task Params_arrays_count_and_items() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            void M()
            {
                Lib.TrailOps.Names("aaa", {|CTSDK001:"b--b"|});
                {|CTSDK003:Lib.TrailOps.Names("aaa", "bbb", "ccc")|};
            }
        }
        """, References);

    [Fact]
    public Task Collection_forms_for_counts() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            static readonly LookupAttribute A = new() { AttributeKey = LookupAttributeKey.EventName, AttributeValue = "x" };
            static readonly LookupAttribute[] Many = [A, A];
            object A1() => new LookupEventsRequest { LookupAttributes = {|CTSDK003:[A, A]|} };
            object A2() => new LookupEventsRequest { LookupAttributes = {|CTSDK003:new[] { A, A }|} };
            object A3() => new LookupEventsRequest { LookupAttributes = {|CTSDK003:new List<LookupAttribute> { A, A }|} };
            object A4() => new LookupEventsRequest { LookupAttributes = {|CTSDK003:new LookupAttribute[2]|} };
            object A5() => new LookupEventsRequest { LookupAttributes = {|CTSDK003:[A, .. Many, A]|} };
            void A6() { Lib.TrailOps.Keys({|CTSDK003:[]|}); Lib.TrailOps.Keys({|CTSDK003:new List<LookupAttribute>()|}); }
        }
        """, References);

    [Fact]
    public Task Items_of_lists() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            object M() => new DescribeTrailsRequest { TrailNameList = ["good-trail", {|CTSDK001:"bad--trail"|}, "arn:aws:cloudtrail:us-east-1:123456789012:trail/okay"] };
            object N() => new DescribeTrailsRequest { TrailNameList = new List<string> { {|CTSDK001:"x"|} } };
        }
        """);
}
