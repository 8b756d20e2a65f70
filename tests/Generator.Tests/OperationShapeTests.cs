using CloudTrailSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Generator.Tests;

/// <summary>Operations without an input or an output shape (KMS and others have them) generate code that compiles on both sides.</summary>
[Trait("Category", "Unit")]
public sealed class OperationShapeTests
{
    private const string Model = """
        {
          "metadata": {
            "apiVersion": "2020-01-01", "endpointPrefix": "ops", "jsonVersion": "1.0", "protocol": "json",
            "serviceId": "Ops", "targetPrefix": "Ops_20200101"
          },
          "operations": {
            "Ping": { "name": "Ping", "http": { "method": "POST", "requestUri": "/" } },
            "Status": { "name": "Status", "http": { "method": "POST", "requestUri": "/" }, "output": { "shape": "StatusResponse" } },
            "Touch": { "name": "Touch", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "TouchRequest" } }
          },
          "shapes": {
            "StatusResponse": { "type": "structure", "members": { "Healthy": { "shape": "Boolean" } } },
            "TouchRequest": { "type": "structure", "required": ["Id"], "members": { "Id": { "shape": "String" } } },
            "Boolean": { "type": "boolean" },
            "String": { "type": "string" }
          }
        }
        """;

    [Fact]
    public void OperationsWithoutInputOrOutput_CompileAsClientAndServer()
    {
        var run = TestHarness.Run(new[] { ModelSource.Service("/models/ops/service-2.json", Model, "ops", "Ops.Sdk", "Ops") });
        run.AssertCleanAndCompiles();

        var client = run.OutputCompilation.GetTypeByMetadataName("Ops.Sdk.IOpsClient")!;
        var ping = Assert.Single(client.GetMembers("PingAsync").OfType<IMethodSymbol>());
        Assert.Equal("CancellationToken", Assert.Single(ping.Parameters).Type.Name);
        Assert.Equal("Task", ping.ReturnType.Name);
        var status = Assert.Single(client.GetMembers("StatusAsync").OfType<IMethodSymbol>());
        Assert.Equal("StatusResponse", ((INamedTypeSymbol)status.ReturnType).TypeArguments[0].Name);
        var touch = Assert.Single(client.GetMembers("TouchAsync").OfType<IMethodSymbol>());
        Assert.Equal(2, touch.Parameters.Length);

        var server = run.OutputCompilation.GetTypeByMetadataName("Ops.Sdk.Server.OpsServiceBase")!;
        Assert.Single(server.GetMembers("PingAsync"));
        Assert.Single(server.GetMembers("StatusAsync"));
    }
}
