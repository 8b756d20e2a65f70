using CloudTrailSdk.Testing;

namespace CloudTrailSdk.Protocol.Tests.Harness;

/// <summary>The test kit's generator harness, client side only, as the protocol suites and trait tests build their SDKs.</summary>
internal static class ProtocolGenerator
{
    private static readonly GeneratorHarness Harness = new(() => new CloudTrailSdk.Generator.ServiceModelGenerator(), typeof(CloudTrailSdk.Runtime.AwsJsonClient).Assembly);

    /// <summary>Generates a client from one service model, compiles and loads it; a refused model or a compile error throws.</summary>
    public static GeneratedAssembly Build(string modelPath, string modelJson, string ns, string clientName) =>
        Harness.Build(new[] { ModelSource.Service(modelPath, modelJson, "protocol", ns, clientName, "Client") });
}
