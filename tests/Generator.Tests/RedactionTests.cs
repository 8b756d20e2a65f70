using CloudTrailSdk.Generator.Tests.Support;

namespace CloudTrailSdk.Generator.Tests;

/// <summary>Members the model marks sensitive must not appear in a record's ToString().</summary>
[Trait("Category", "Unit")]
public sealed class RedactionTests
{
    [Fact]
    public void SensitiveMember_IsRedactedInPrintMembers()
    {
        var run = TestHarness.Run(BotocoreModels.Load("kms", "kms", "Botocore.Kms", "Kms"));
        run.AssertCleanAndCompiles();

        // KMS marks the decrypted plaintext sensitive; its response must print *** for it, and the key id as is.
        var text = run.Source("kms.Shapes.DecryptResponse.g.cs");
        // A response derives from AwsResponse, so its redacting PrintMembers overrides the base record's.
        Assert.Contains("protected override bool PrintMembers(global::System.Text.StringBuilder builder)", text);
        Assert.Contains("(Plaintext is null ? \"null\" : \"***\")", text);
        Assert.Contains("(object?)KeyId", text);
    }

    [Fact]
    public void StructureWithoutSensitiveMembers_KeepsCompilerPrintMembers()
    {
        var run = TestHarness.Run(RepoModels.CloudTrail());
        Assert.DoesNotContain("PrintMembers", run.Source("cloudtrail.Shapes.Trail.g.cs"));
    }
}
