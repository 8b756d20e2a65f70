using System.Linq;
using CloudTrailSdk.Runtime.Server;

namespace CloudTrailSdk.Fake;

public sealed partial class FakeCloudTrailServer
{
    // A multi-region trail exists in every region of its account: elsewhere than its home it is a "shadow trail", visible
    // by name and by ARN, but changeable only from its home region.
    private TrailState Find(AwsServerContext context, string nameOrArn)
    {
        var state = State(context);
        return TryFind(state, nameOrArn) ?? throw new TrailNotFoundException("Unknown trail: " + nameOrArn + " for the user: " + state.Account);
    }

    /// <summary>Finds a trail a call may change: CloudTrail allows that only in the trail's home region.</summary>
    private TrailState FindInHomeRegion(AwsServerContext context, string nameOrArn)
    {
        var trail = Find(context, nameOrArn);
        var region = RegionOf(context);
        if (trail.HomeRegion != region)
        {
            throw new InvalidHomeRegionException("This operation must be called from the trail's home region (" + trail.HomeRegion + "), not " + region + ".");
        }

        return trail;
    }

    private TrailState? TryFind(RegionState state, string nameOrArn)
    {
        if (TrailArn.LooksLikeArn(nameOrArn))
        {
            if (!TrailArn.TryParse(nameOrArn, out var arn) || arn.Account != state.Account)
            {
                return null;
            }

            if (arn.Region == state.Region)
            {
                return TryFindOwn(state, arn.Name);
            }

            return _regions.TryGetValue((arn.Account, arn.Region), out var home) && TryFindOwn(home, arn.Name) is { IsMultiRegion: true } shadow ? shadow : null;
        }

        return TryFindVisible(state, nameOrArn);
    }

    private TrailState? TryFindVisible(RegionState state, string name) =>
        TryFindOwn(state, name) ?? OtherRegions(state).Select(r => TryFindOwn(r, name)).FirstOrDefault(t => t is not null && t.IsMultiRegion);

    private static TrailState? TryFindOwn(RegionState state, string name) => state.Trails.TryGetValue(name, out var trail) ? trail : null;
}
