using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using CloudTrailSdk.Runtime.Auth;

namespace CloudTrailSdk.Runtime.Tests.Auth;

/// <summary>
/// Vectors from AWS's published SigV4 test suite (aws-sig-v4-test-suite): credentials AKIDEXAMPLE, region us-east-1,
/// service "service", time 20150830T123600Z. Every expected canonical request, string to sign and signature below was
/// recomputed with botocore 1.43's SigV4Auth and agrees with it.
/// </summary>
[Trait("Category", "Unit")]
public sealed class SigV4TestSuiteTests
{
    private const string AccessKeyId = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Region = "us-east-1";
    private const string Service = "service";
    private static readonly DateTimeOffset SigningTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public sealed record Vector(
        string Name,
        string Method,
        string Path,
        string Query,
        (string Name, string Value)[] Headers,
        string Body,
        string CanonicalRequest,
        string StringToSign,
        string Signature)
    {
        public override string ToString() => Name;
    }

    public static readonly Vector[] Vectors =
    [
        new(
            "get-vanilla",
            "GET", "/", "",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        new(
            "get-vanilla-query",
            "GET", "/", "",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        new(
            "get-vanilla-empty-query-key",
            "GET", "/", "Param1=value1",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\nParam1=value1\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n1e24db194ed7d0eec2de28d7369675a243488e08526e8c1c73571282f7c517ab",
            "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"),
        new(
            "get-vanilla-query-order-key-case",
            "GET", "/", "Param2=value2&Param1=value1",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        new(
            "get-vanilla-query-order-key",
            "GET", "/", "Param1=value2&Param1=Value1",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\nParam1=Value1&Param1=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n704b4cef673542d84cdff252633f065e8daeba5f168b77116f8b1bcaf3d38f89",
            "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1"),
        new(
            "get-vanilla-query-order-value",
            "GET", "/", "Param1=value2&Param1=value1",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\nParam1=value1&Param1=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nc968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606",
            "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"),
        new(
            "get-vanilla-query-unreserved",
            "GET", "/", "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\n-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nc30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177",
            "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
        new(
            "get-vanilla-utf8-query",
            "GET", "/", "\u1234=bar",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\n%E1%88%B4=bar\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\neb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073",
            "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
        new(
            "get-utf8",
            "GET", "/\u1234", "",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/%E1%88%B4\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102",
            "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
        new(
            "get-header-key-duplicate",
            "GET", "/", "",
            [("Host", "example.amazonaws.com"), ("My-Header1", "value2"), ("My-Header1", "value2"), ("My-Header1", "value1"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value2,value2,value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\ndc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c",
            "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
        new(
            "get-header-value-order",
            "GET", "/", "",
            [("Host", "example.amazonaws.com"), ("My-Header1", "value4"), ("My-Header1", "value1"), ("My-Header1", "value3"), ("My-Header1", "value2"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value4,value1,value3,value2\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n31ce73cd3f3d9f66977ad3dd957dc47af14df92fcd8509f59b349e9137c58b86",
            "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
        new(
            "get-header-value-trim",
            "GET", "/", "",
            [("Host", "example.amazonaws.com"), ("My-Header1", " value1"), ("My-Header2", " \"a   b   c\""), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\na726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7",
            "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
        new(
            "get-space",
            "GET", "/example space/", "",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/example%20space/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86",
            "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
        new(
            "get-slash",
            "GET", "//", "",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        new(
            "get-slashes",
            "GET", "//example//", "",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/example/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\ncb96b4ac96d501f7c5c15bc6d67b3035061cfced4af6585ad927f7e6c985c015",
            "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"),
        new(
            "get-relative",
            "GET", "/example/..", "",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        new(
            "get-relative-relative",
            "GET", "/example1/example2/../..", "",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        new(
            "get-slash-dot-slash",
            "GET", "/./", "",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        new(
            "get-slash-pointless-dot",
            "GET", "/./example", "",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "GET\n/example\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n214d50c111a8edc4819da6a636336472c916b5240f51e9a51b5c3305180cf702",
            "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5"),
        new(
            "post-vanilla",
            "POST", "/", "",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
            "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
        new(
            "post-vanilla-query",
            "POST", "/", "Param1=value1",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "POST\n/\nParam1=value1\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd",
            "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
        new(
            "post-header-key-case",
            "POST", "/", "",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
            "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
        new(
            "post-header-key-sort",
            "POST", "/", "",
            [("Host", "example.amazonaws.com"), ("My-Header1", "value1"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "POST\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n9368318c2967cf6de74404b30c65a91e8f6253e0a8659d6d5319f1a812f87d65",
            "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"),
        new(
            "post-header-value-case",
            "POST", "/", "",
            [("Host", "example.amazonaws.com"), ("My-Header1", "VALUE1"), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "POST\n/\n\nhost:example.amazonaws.com\nmy-header1:VALUE1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nd51ced243e649e3de6ef63afbbdcbca03131a21a7103a1583706a64618606a93",
            "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"),
        new(
            "post-x-www-form-urlencoded",
            "POST", "/", "",
            [("Host", "example.amazonaws.com"), ("Content-Type", "application/x-www-form-urlencoded"), ("X-Amz-Date", "20150830T123600Z")],
            "Param1=value1",
            "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281",
            "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
        new(
            "post-x-www-form-urlencoded-parameters",
            "POST", "/", "",
            [("Host", "example.amazonaws.com"), ("Content-Type", "application/x-www-form-urlencoded; charset=utf8"), ("X-Amz-Date", "20150830T123600Z")],
            "Param1=value1",
            "POST\n/\n\ncontent-type:application/x-www-form-urlencoded; charset=utf8\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n2e1cf7ed91881a30569e46552437e4156c823447bf1781b921b5d486c568dd1c",
            "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe"),
        new(
            "post-sts-header-before",
            "POST", "/", "",
            [("Host", "example.amazonaws.com"), ("X-Amz-Security-Token", "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="), ("X-Amz-Date", "20150830T123600Z")],
            "",
            "POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\nx-amz-security-token:AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==\n\nhost;x-amz-date;x-amz-security-token\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nc237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6",
            "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"),    ];

    public static TheoryData<string> VectorNames()
    {
        var data = new TheoryData<string>();
        foreach (var vector in Vectors)
        {
            data.Add(vector.Name);
        }

        return data;
    }

    private static Vector Get(string name) => Vectors.Single(v => v.Name == name);

    private static List<KeyValuePair<string, string>> HeaderList(Vector vector) =>
        vector.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList();

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void CanonicalRequest_matches_suite(string name)
    {
        var vector = Get(name);
        var payloadHash = SigV4Signer.HashPayload(Encoding.UTF8.GetBytes(vector.Body));
        var canonical = SigV4Signer.BuildCanonicalRequest(vector.Method, vector.Path, vector.Query, HeaderList(vector), payloadHash, doubleEncodePath: false);
        Assert.Equal(vector.CanonicalRequest, canonical);
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void StringToSign_matches_suite(string name)
    {
        var vector = Get(name);
        Assert.Equal(vector.StringToSign, SigV4Signer.BuildStringToSign(SigningTime, Region, Service, vector.CanonicalRequest));
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Signature_matches_suite(string name)
    {
        var vector = Get(name);
        var key = SigV4Signer.DeriveSigningKey(Secret, "20150830", Region, Service);
        Assert.Equal(vector.Signature, SigV4Signer.ComputeSignature(key, vector.StringToSign));
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Signer_on_HttpRequestMessage_matches_suite(string name)
    {
        var vector = Get(name);
        var uri = "https://example.amazonaws.com" + vector.Path + (vector.Query.Length > 0 ? "?" + vector.Query : string.Empty);
        using var request = new HttpRequestMessage(new HttpMethod(vector.Method), uri);
        var body = Encoding.UTF8.GetBytes(vector.Body);
        var extra = new List<string>();
        foreach (var (headerName, value) in vector.Headers)
        {
            if (headerName.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content = new ByteArrayContent(body);
                Assert.True(request.Content.Headers.TryAddWithoutValidation(headerName, value));
            }
            else if (!headerName.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                Assert.True(request.Headers.TryAddWithoutValidation(headerName, value));
                extra.Add(headerName);
            }
        }

        // The suite signs every header it sends and does not double-encode paths, so configure the signer the same way.
        var signer = new SigV4Signer(Service, Region, new SigV4SignerOptions { DoubleEncodePath = false, AdditionalSignedHeaders = extra });
        var result = signer.Sign(request, body, new AwsCredentials(AccessKeyId, Secret), SigningTime);

        Assert.Equal(vector.CanonicalRequest, result.CanonicalRequest);
        Assert.Equal(vector.Signature, result.Signature);
        var signedHeaders = vector.CanonicalRequest.Split('\n')[^2];
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders={signedHeaders}, Signature={vector.Signature}",
            Assert.Single(request.Headers.GetValues("Authorization")));
    }

    [Fact]
    public void Signing_key_matches_aws_documentation_example()
    {
        // The derivation example from AWS's SigV4 documentation (iam, us-east-1, 20120215).
        var key = SigV4Signer.DeriveSigningKey(Secret, "20120215", "us-east-1", "iam");
        Assert.Equal("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d", Convert.ToHexString(key).ToLowerInvariant());
    }
}
