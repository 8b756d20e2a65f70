using System;
using System.Reflection;
using CloudTrailSdk.Generator.Tests.Support;

namespace CloudTrailSdk.Generator.Tests;

/// <summary>A timestamp's timestampFormat (on the shape or on the member) decides how it is written on the wire.</summary>
[Trait("Category", "Unit")]
public sealed class TimestampFormatTests
{
    private const string Model = """
        {
          "version": "2.0",
          "metadata": { "apiVersion": "2020-01-01", "endpointPrefix": "stamps", "jsonVersion": "1.1", "protocol": "json",
                        "serviceId": "Stamps", "targetPrefix": "Stamps" },
          "operations": {
            "Put": { "name": "Put", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "PutRequest" } }
          },
          "shapes": {
            "PutRequest": {
              "type": "structure",
              "members": {
                "Plain": { "shape": "Plain" },
                "Iso": { "shape": "Iso" },
                "Http": { "shape": "Http" },
                "Unix": { "shape": "Unix" },
                "MemberIso": { "shape": "Plain", "timestampFormat": "iso8601" }
              }
            },
            "Plain": { "type": "timestamp" },
            "Iso": { "type": "timestamp", "timestampFormat": "iso8601" },
            "Http": { "type": "timestamp", "timestampFormat": "rfc822" },
            "Unix": { "type": "timestamp", "timestampFormat": "unixTimestamp" }
          }
        }
        """;

    private const string Probe = """
        namespace StampsProbe
        {
            public static class Write
            {
                public static string All(global::System.DateTimeOffset at)
                {
                    var value = new global::Stamps.PutRequest { Plain = at, Iso = at, Http = at, Unix = at, MemberIso = at };
                    var buffer = new global::System.IO.MemoryStream();
                    using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
                    {
                        global::Stamps.Serialization.PutRequestSerializer.Write(writer, value);
                    }

                    return global::System.Text.Encoding.UTF8.GetString(buffer.ToArray());
                }
            }
        }
        """;

    [Theory]
    [InlineData(946845296L, """{"Plain":946845296,"Iso":"2000-01-02T20:34:56Z","Http":"Sun, 02 Jan 2000 20:34:56 GMT","Unix":946845296,"MemberIso":"2000-01-02T20:34:56Z"}""")]
    [InlineData(946845296123L, """{"Plain":946845296.123,"Iso":"2000-01-02T20:34:56.123Z","Http":"Sun, 02 Jan 2000 20:34:56 GMT","Unix":946845296.123,"MemberIso":"2000-01-02T20:34:56.123Z"}""")]
    public void TimestampFormats_AreWrittenAsTheModelSays(long epoch, string expected)
    {
        var at = epoch > 10_000_000_000L ? DateTimeOffset.FromUnixTimeMilliseconds(epoch) : DateTimeOffset.FromUnixTimeSeconds(epoch);
        var run = TestHarness.Run(new[] { ModelSource.Service("/stamps/service-2.json", Model, "stamps", "Stamps", "Stamps") }, Probe);
        run.AssertCleanAndCompiles();
        using var sdk = TestHarness.Instance.Load(run.OutputCompilation);
        var write = sdk.Type("StampsProbe.Write").GetMethod("All", BindingFlags.Public | BindingFlags.Static)!;
        Assert.Equal(expected, (string)write.Invoke(null, new object[] { at.ToOffset(TimeSpan.FromHours(5)) })!);
    }

    [Fact]
    public void UnknownTimestampFormat_IsCtgen005AtTheFormat()
    {
        var run = TestHarness.Run(new[] { ModelSource.Service("/stamps/service-2.json", Model.Replace("\"rfc822\"", "\"rfc3339\"", StringComparison.Ordinal), "stamps", "Stamps", "Stamps") });
        var error = Assert.Single(run.AllGeneratorDiagnostics, d => d.Id == "CTGEN005");
        Assert.Contains("rfc3339", error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("/stamps/service-2.json", error.Location.GetLineSpan().Path);
    }
}
