using System.Threading.Tasks;
using CloudTrailSdk.Analyzers.Tests.Support;

namespace CloudTrailSdk.Analyzers.Tests;

/// <summary>Every way a constant can be written: the analyzer reads the folded value, so each form is caught.</summary>
[Trait("Category", "Unit")]
public sealed class ConstantFormTests
{
    [Fact]
    public Task Literal() => AnalyzerAssert.VerifyAsync("""
        class C { object M() => new CreateTrailRequest { Name = {|CTSDK001:"my--trail"|}, S3BucketName = "b" }; }
        """);

    [Fact]
    public Task Verbatim_and_raw_literals() => AnalyzerAssert.VerifyAsync(""""
        class C
        {
            object A() => new CreateTrailRequest { Name = {|CTSDK001:@"my--trail"|}, S3BucketName = "b" };
            object B() => new CreateTrailRequest { Name = {|CTSDK001:"""my--trail"""|}, S3BucketName = "b" };
        }
        """");

    [Fact]
    public Task Const_field_and_const_local() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            const string Bad = "my--trail";
            object A() => new CreateTrailRequest { Name = {|CTSDK001:Bad|}, S3BucketName = "b" };
            object B() { const int Max = 51; return new LookupEventsRequest { MaxResults = {|CTSDK005:Max|} }; }
            object D() => new CreateTrailRequest { Name = {|CTSDK001:Other.Name|}, S3BucketName = "b" };
        }
        static class Other { public const string Name = "192.168.5.4"; }
        """);

    [Fact]
    public Task Constant_concatenation() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            const string Prefix = "my-";
            object M() => new CreateTrailRequest { Name = {|CTSDK001:Prefix + "-trail"|}, S3BucketName = "b" };
            object N() => new LookupEventsRequest { MaxResults = {|CTSDK005:50 + 1|} };
        }
        """);

    [Fact]
    public Task Constant_interpolated_string() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            const string Env = "prod";
            object M() => new CreateTrailRequest { Name = {|CTSDK001:$"{Env}--audit"|}, S3BucketName = "b" };
        }
        """);

    [Fact]
    public Task String_backed_enum_built_from_a_constant() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            const string Key = "EventNam";
            object A() => new LookupAttribute { AttributeKey = {|CTSDK007:Key|}, AttributeValue = "x" };
            object B() => new LookupAttribute { AttributeKey = new LookupAttributeKey({|CTSDK007:"Usrname"|}), AttributeValue = "x" };
            object D() => new LookupAttribute { AttributeKey = (LookupAttributeKey){|CTSDK007:"readonly"|}, AttributeValue = "x" };
            LookupAttributeKey E() => {|CTSDK007:"AccesKeyId"|};
            bool F(LookupAttributeKey key) => key == {|CTSDK007:"EvntSource"|};
        }
        """);

    [Fact]
    public Task Nullable_numbers_and_casts() => AnalyzerAssert.VerifyAsync("""
        class C
        {
            object A() => new LookupEventsRequest { MaxResults = {|CTSDK005:(int?)51|} };
            object B() => new LookupEventsRequest { MaxResults = {|CTSDK005:(int)51.9|} };
            object D() => new LookupEventsRequest { MaxResults = {|CTSDK005:int.MaxValue|} };
        }
        """);
}
