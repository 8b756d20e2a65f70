using System;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CloudTrailSdk.Protocol.Tests.Harness;
using CloudTrailSdk.Runtime.Config;
using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Protocol.Tests.Traits;

/// <summary>The requestcompression trait: gzip from the minimum size, and every setting AWS SDKs read to change it.</summary>
[Trait("Category", "Unit")]
public sealed class RequestCompressionTests
{
    private static readonly string Large = new('x', 10240);

    [Fact]
    public async Task BodyAtTheDefaultMinimum_IsGzipped_AndDecompressesToTheRequest()
    {
        var handler = new RecordingHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Put", "Payload", Large));
        Assert.Equal(new[] { "gzip" }, handler.Request!.Content!.Headers.ContentEncoding);
        Assert.True(handler.RequestBody.Length < 1024, "a run of one letter compresses well, but the body is " + handler.RequestBody.Length + " bytes");
        var json = JsonNode.Parse(TraitsSdk.Gunzip(handler.RequestBody))!;
        Assert.Equal(Large, (string)json["Payload"]!);
    }

    [Fact]
    public async Task BodyBelowTheMinimum_IsSentAsItIs()
    {
        var handler = new RecordingHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Put", "Payload", "small"));
        Assert.Empty(handler.Request!.Content!.Headers.ContentEncoding);
        Assert.Equal("small", (string)JsonNode.Parse(handler.RequestBody)!["Payload"]!);
    }

    [Fact]
    public async Task OperationWithoutTheTrait_IsNeverCompressed()
    {
        var handler = new RecordingHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Describe", "AccountId", "123456789012", o => o.RequestMinCompressionSizeBytes = 0));
        Assert.Empty(handler.Request!.Content!.Headers.ContentEncoding);
    }

    [Fact]
    public async Task EnvironmentDisables()
    {
        var handler = new RecordingHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Put", "Payload", Large, o => o.Environment = new FakeEnvironment().Set("AWS_DISABLE_REQUEST_COMPRESSION", "true")));
        Assert.Empty(handler.Request!.Content!.Headers.ContentEncoding);
    }

    [Fact]
    public async Task EnvironmentLowersTheMinimum()
    {
        var handler = new RecordingHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Put", "Payload", "small", o => o.Environment = new FakeEnvironment().Set("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "0")));
        Assert.Equal(new[] { "gzip" }, handler.Request!.Content!.Headers.ContentEncoding);
    }

    [Fact]
    public async Task OptionsWinOverTheEnvironment()
    {
        var handler = new RecordingHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Put", "Payload", Large, o =>
        {
            o.Environment = new FakeEnvironment().Set("AWS_DISABLE_REQUEST_COMPRESSION", "true");
            o.DisableRequestCompression = false;
        }));
        Assert.Equal(new[] { "gzip" }, handler.Request!.Content!.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Profile_SetsBoth_AndTheEnvironmentWinsOverIt()
    {
        using var environment = FakeEnvironment.WithPrivateHome();
        Directory.CreateDirectory(Path.Combine(environment.HomeDirectory!, ".aws"));
        File.WriteAllText(Path.Combine(environment.HomeDirectory!, ".aws", "config"), "[default]\nrequest_min_compression_size_bytes = 4\ndisable_request_compression = false\n");

        var handler = new RecordingHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Put", "Payload", "small", o => o.Environment = environment));
        Assert.Equal(new[] { "gzip" }, handler.Request!.Content!.Headers.ContentEncoding);

        environment.Set("AWS_DISABLE_REQUEST_COMPRESSION", "TRUE");
        handler = new RecordingHandler();
        Assert.Null(await TraitsSdk.CallAsync(handler, "Put", "Payload", "small", o => o.Environment = environment));
        Assert.Empty(handler.Request!.Content!.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "10485761")]
    [InlineData("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "-1")]
    [InlineData("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "ten")]
    [InlineData("AWS_DISABLE_REQUEST_COMPRESSION", "yes")]
    public void BadEnvironmentValue_FailsAtConstructionNamingTheVariable(string variable, string value)
    {
        var error = Assert.ThrowsAny<AwsConfigurationException>(() => TraitsSdk.Client(new RecordingHandler(), o => o.Environment = new FakeEnvironment().Set(variable, value)));
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10485761)]
    public void BadOption_FailsAtConstructionNamingTheOption(int value)
    {
        var error = Assert.ThrowsAny<AwsConfigurationException>(() => TraitsSdk.Client(new RecordingHandler(), o => o.RequestMinCompressionSizeBytes = value));
        Assert.Contains("RequestMinCompressionSizeBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadProfileValue_FailsNamingTheKey()
    {
        using var environment = FakeEnvironment.WithPrivateHome();
        Directory.CreateDirectory(Path.Combine(environment.HomeDirectory!, ".aws"));
        File.WriteAllText(Path.Combine(environment.HomeDirectory!, ".aws", "config"), "[default]\nrequest_min_compression_size_bytes = 99999999\n");
        var error = Assert.ThrowsAny<AwsConfigurationException>(() => TraitsSdk.Client(new RecordingHandler(), o => o.Environment = environment));
        Assert.Contains("request_min_compression_size_bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10485760)]
    public void LimitsOfTheRange_AreAccepted(int value)
    {
        var client = TraitsSdk.Client(new RecordingHandler(), o => o.RequestMinCompressionSizeBytes = value);
        using (client as IDisposable)
        {
            Assert.Equal(value, Runtime(client).RequestMinCompressionSizeBytes);
        }
    }

    private static CloudTrailSdk.Runtime.AwsJsonClient Runtime(object client) =>
        (CloudTrailSdk.Runtime.AwsJsonClient)client.GetType().GetField("_runtime", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(client)!;
}
