using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CloudTrailSdk.Generator.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CloudTrailSdk.Generator.Tests;

/// <summary>Generates whole SDKs from real models and requires the result to compile without a single error.</summary>
[Trait("Category", "Unit")]
public sealed class CompileTests
{
    [Fact]
    public void RepoCloudTrailModel_WithCustomizations_Compiles()
    {
        var models = RepoModels.CloudTrail();
        var run = TestHarness.Run(models);
        run.AssertCleanAndCompiles();
        AssertCloudTrailSurface(run, models[0].Text, "CloudTrailSdk", "CloudTrail");
    }

    [Fact]
    public void RepoCloudTrailModel_ClientMode_CompilesWithoutServer()
    {
        var run = TestHarness.Run(WithEmit("Client"));
        run.AssertCleanAndCompiles();
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("CloudTrailSdk.CloudTrailClient"));
        Assert.Null(run.OutputCompilation.GetTypeByMetadataName("CloudTrailSdk.Server.CloudTrailServiceBase"));
    }

    [Fact]
    public void RepoCloudTrailModel_ServerMode_CompilesAgainstClientAssembly()
    {
        // Server mode emits only the dispatcher; the shapes come from the referenced SDK assembly.
        var client = TestHarness.Run(WithEmit("Client"));
        client.AssertCleanAndCompiles();
        using var image = new System.IO.MemoryStream();
        var emitted = client.OutputCompilation.Emit(image);
        Assert.True(emitted.Success, GeneratorRun.Describe(emitted.Diagnostics));

        var (driver, texts) = TestHarness.Instance.CreateDriver(WithEmit("Server"));
        var compilation = TestHarness.Instance.CreateCompilation().AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
        var server = TestHarness.Run(driver, compilation, texts);
        server.AssertCleanAndCompiles();
        var serverBase = server.OutputCompilation.GetTypeByMetadataName("CloudTrailSdk.Server.CloudTrailServiceBase");
        Assert.NotNull(serverBase);
        Assert.Same(server.OutputCompilation.Assembly, serverBase!.ContainingAssembly);
        Assert.DoesNotContain(server.Result.GeneratedSources, s => s.HintName.Contains(".Shapes.", StringComparison.Ordinal));
        Assert.Contains(serverBase.GetMembers().OfType<IMethodSymbol>(), m => m.Name == "LookupEventsAsync");
    }

    private static List<ModelSource> WithEmit(string emit) =>
        RepoModels.CloudTrail().Select(m => m.Kind == "service" ? m with { Emit = emit } : m).ToList();

    [Fact]
    public void RepoCloudTrailModel_DescribeTrailsSerializer_WritesTrailNameList()
    {
        var run = TestHarness.Run(RepoModels.CloudTrail());
        run.AssertCleanAndCompiles();
        var text = run.Source("cloudtrail.Shapes.DescribeTrailsRequest.g.cs");
        Assert.Contains("writer.WritePropertyName(\"trailNameList\"u8);", text);
        Assert.Contains("reader.ValueTextEquals(\"trailNameList\"u8)", text);
        Assert.DoesNotContain("\"TrailNameList\"u8", text);
    }

    [Fact]
    public void BotocoreCloudTrail_Unchanged_Compiles()
    {
        var models = BotocoreModels.Load("cloudtrail", "cloudtrail", "Botocore.CloudTrail", "CloudTrail");
        Assert.Contains(models, m => m.Kind == "paginators");
        var run = TestHarness.Run(models);
        run.AssertCleanAndCompiles();
        AssertCloudTrailSurface(run, models[0].Text, "Botocore.CloudTrail", "CloudTrail");
    }

    [Fact]
    public void BotocoreKms_Compiles()
    {
        var run = TestHarness.Run(BotocoreModels.Load("kms", "kms", "Botocore.Kms", "Kms"));
        run.AssertCleanAndCompiles();
        Assert.NotNull(run.OutputCompilation.GetTypeByMetadataName("Botocore.Kms.IKmsClient"));
    }

    [Fact]
    public void BotocoreDynamoDb_Json10_RecursiveAttributeValue_Compiles()
    {
        var models = BotocoreModels.Load("dynamodb", "dynamodb", "Botocore.DynamoDb", "DynamoDb");
        Assert.Contains("\"jsonVersion\":\"1.0\"", models[0].Text.Replace(" ", string.Empty));
        var run = TestHarness.Run(models);
        run.AssertCleanAndCompiles();

        // AttributeValue holds lists and maps of itself: it must come out as one type that refers to itself.
        var attributeValue = run.OutputCompilation.GetTypeByMetadataName("Botocore.DynamoDb.AttributeValue");
        Assert.NotNull(attributeValue);
        var memberTypes = attributeValue!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Type.ToDisplayString()).ToList();
        Assert.Contains(memberTypes, t => t.Contains("IReadOnlyList<Botocore.DynamoDb.AttributeValue>", StringComparison.Ordinal));
        Assert.Contains(memberTypes, t => t.Contains("Botocore.DynamoDb.AttributeValue>", StringComparison.Ordinal) && t.Contains("Dictionary", StringComparison.Ordinal));
    }

    [Fact]
    public void BotocoreLogs_EventStreamsAreInfoOnly_AndCompiles()
    {
        var run = TestHarness.Run(BotocoreModels.Load("logs", "logs", "Botocore.Logs", "CloudWatchLogs"));
        run.AssertCleanAndCompiles();
        var skipped = run.AllGeneratorDiagnostics.Where(d => d.Id == "CTGEN013").ToList();
        Assert.NotEmpty(skipped);
        Assert.All(skipped, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
    }

    private static void AssertCloudTrailSurface(GeneratorRun run, string serviceJson, string ns, string clientName)
    {
        using var model = JsonDocument.Parse(serviceJson);
        var operations = model.RootElement.GetProperty("operations").EnumerateObject().ToList();
        Assert.Equal(60, operations.Count);

        var compilation = run.OutputCompilation;
        var client = compilation.GetTypeByMetadataName(ns + ".I" + clientName + "Client");
        Assert.True(client is not null, "No interface " + ns + ".I" + clientName + "Client");
        var methods = client!.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var missingMethods = operations.Select(o => o.Name + "Async").Where(m => !methods.Contains(m)).ToList();
        Assert.True(missingMethods.Count == 0, "ICloudTrailClient lacks: " + string.Join(", ", missingMethods));

        var missingTypes = new List<string>();
        foreach (var operation in operations)
        {
            foreach (var (slot, mustValidate) in new[] { ("input", true), ("output", false) })
            {
                if (!operation.Value.TryGetProperty(slot, out var reference))
                {
                    continue;
                }

                var shape = reference.GetProperty("shape").GetString()!;
                if (compilation.GetTypeByMetadataName(ns + "." + shape) is null)
                {
                    missingTypes.Add(ns + "." + shape);
                }

                if (mustValidate && compilation.GetTypeByMetadataName(ns + ".Validation." + shape + "Validator") is null)
                {
                    missingTypes.Add(ns + ".Validation." + shape + "Validator");
                }
            }
        }

        Assert.True(missingTypes.Count == 0, "Missing generated types: " + string.Join(", ", missingTypes));

        var paginators = compilation.GetTypeByMetadataName(ns + "." + clientName + "Paginators");
        Assert.NotNull(paginators);
        var lookupEvents = paginators!.GetMembers("LookupEvents").OfType<IMethodSymbol>().SingleOrDefault();
        Assert.True(lookupEvents is not null, clientName + "Paginators.LookupEvents is missing");
        var paginatorType = lookupEvents!.ReturnType;
        var responses = paginatorType.GetMembers("Responses").OfType<IPropertySymbol>().SingleOrDefault();
        var events = paginatorType.GetMembers("Events").OfType<IPropertySymbol>().SingleOrDefault();
        Assert.NotNull(responses);
        Assert.NotNull(events);
        Assert.Equal("System.Collections.Generic.IAsyncEnumerable<" + ns + ".LookupEventsResponse>", responses!.Type.ToDisplayString());
        Assert.Equal("System.Collections.Generic.IAsyncEnumerable<" + ns + ".Event>", events!.Type.ToDisplayString());
    }
}
