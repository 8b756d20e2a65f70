using System.Linq;

using CloudTrailSdk.Rules;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Finds trails by name or ARN as CloudTrail does. A multi-region trail exists in every region of its account: outside
/// its home it is a "shadow trail", visible by name and by ARN, but changeable only from its home region. Callers hold
/// the store's gate.
/// </summary>
internal sealed class TrailFinder
{
    private readonly FakeStore _store;

    public TrailFinder(FakeStore store) => _store = store;

    public TrailState Find(CallScope scope, string nameOrArn) =>
        TryFind(_store.Region(scope), nameOrArn) ?? throw new TrailNotFoundException("Unknown trail: " + nameOrArn + " for the user: " + scope.Account);

    /// <summary>Finds a trail a call may change: CloudTrail allows that only in the trail's home region.</summary>
    public TrailState FindInHomeRegion(CallScope scope, string nameOrArn)
    {
        var trail = Find(scope, nameOrArn);
        if (trail.HomeRegion != scope.Region)
        {
            throw new InvalidHomeRegionException("This operation must be called from the trail's home region (" + trail.HomeRegion + "), not " + scope.Region + ".");
        }

        return trail;
    }

    public TrailState? TryFind(RegionState state, string nameOrArn)
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

            return _store.TryGetRegion(arn.Account, arn.Region, out var home) && TryFindOwn(home, arn.Name) is { IsMultiRegion: true } shadow ? shadow : null;
        }

        return TryFindVisible(state, nameOrArn);
    }

    public TrailState? TryFindVisible(RegionState state, string name) =>
        TryFindOwn(state, name) ?? _store.OtherRegions(state).Select(r => TryFindOwn(r, name)).FirstOrDefault(t => t is not null && t.IsMultiRegion);

    private static TrailState? TryFindOwn(RegionState state, string name) => state.Trails.TryGetValue(name, out var trail) ? trail : null;
}
