namespace CloudTrailSdk.Newcomer.Tests.Support;

/// <summary>
/// The test classes that use the packed packages share one <see cref="NewcomerWorkspace"/>: packing takes minutes, so
/// it happens once per run, not once per class.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NewcomerCollection : ICollectionFixture<NewcomerWorkspace>
{
    public const string Name = "Newcomer packages";
}
