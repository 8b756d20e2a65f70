using CloudTrailSdk.Generator.Tests.Support;
using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Generator.Tests;

/// <summary>A rate limit the customizations give any operation reaches the generated server, where hosts enforce it.</summary>
[Trait("Category", "Unit")]
public sealed class ServerRateLimitTests
{
    private const string Model = """
        {
          "metadata": {
            "apiVersion": "2020-01-01", "endpointPrefix": "rates", "jsonVersion": "1.1", "protocol": "json",
            "serviceId": "Rates", "targetPrefix": "Rates_20200101"
          },
          "operations": {
            "Ping": { "name": "Ping", "http": { "method": "POST", "requestUri": "/" } },
            "Touch": { "name": "Touch", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "TouchRequest" } }
          },
          "shapes": {
            "TouchRequest": { "type": "structure", "members": { "Id": { "shape": "String" } } },
            "String": { "type": "string" }
          }
        }
        """;

    private const string Customizations = """
        { "version": 1, "operations": [ { "target": "Touch", "rateLimit": 5 } ] }
        """;

    [Fact]
    public void The_generated_service_reports_each_operations_rate_through_IAwsJsonService()
    {
        var run = TestHarness.Run(new[]
        {
            ModelSource.Service("/models/rates/service-2.json", Model, "rates", "Rates.Sdk", "Rates", emit: "All"),
            ModelSource.Customizations("/models/rates/customizations.json", Customizations, "rates"),
        });
        run.AssertCleanAndCompiles();

        using var assembly = TestHarness.Instance.Load(run.OutputCompilation);
        var baseType = assembly.Type("Rates.Sdk.Server.RatesServiceBase");
        Assert.True(typeof(IAwsJsonService).IsAssignableFrom(baseType));
        var rateOf = baseType.GetMethod("RateLimitOf")!;
        Assert.Equal(5.0, rateOf.Invoke(null, new object[] { "Touch" }));
        Assert.Equal(0.0, rateOf.Invoke(null, new object[] { "Ping" }));
        Assert.Equal(0.0, rateOf.Invoke(null, new object[] { "NoSuchOperation" }));
        Assert.True(baseType.GetMethod("DispatchAsync")!.IsVirtual);
    }
}
