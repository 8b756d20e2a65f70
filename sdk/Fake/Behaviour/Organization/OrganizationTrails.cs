using System.Collections.Generic;
using System.Linq;
using CloudTrailSdk.Rules;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Organization trails as the organization's other accounts see them: readable by name or ARN in every region the
/// trail covers, changeable only by the account that owns them. Callers hold the store's gate.
/// </summary>
internal static class OrganizationTrails
{
    /// <summary>The organization trails of other accounts that cover the caller's account and region, by name.</summary>
    public static IEnumerable<TrailState> VisibleTo(FakeStore store, CallScope scope)
    {
        var organization = store.Organization;
        if (!organization.Contains(scope.Account))
        {
            return Enumerable.Empty<TrailState>();
        }

        return store.All.Where(r => organization.Covers(r.Account, scope.Account))
            .SelectMany(r => r.Trails.Values)
            .Where(t => t.Trail.IsOrganizationTrail == true && (t.HomeRegion == scope.Region || t.IsMultiRegion))
            .OrderBy(t => t.Name, System.StringComparer.Ordinal)
            .ThenBy(t => t.Arn, System.StringComparer.Ordinal);
    }

    /// <summary>An organization trail of another account, by name or ARN, that covers the caller; null if none does.</summary>
    public static TrailState? TryFind(FakeStore store, CallScope scope, string nameOrArn)
    {
        if (TrailArn.LooksLikeArn(nameOrArn))
        {
            return VisibleTo(store, scope).FirstOrDefault(t => t.Arn == nameOrArn);
        }

        return VisibleTo(store, scope).FirstOrDefault(t => t.Name == nameOrArn);
    }

    /// <summary>Refuses a change a member account tries on an organization trail it can see but does not own.</summary>
    public static NotOrganizationMasterAccountException NotOwner(TrailState trail, CallScope scope) =>
        new("Trail " + trail.Name + " is an organization trail owned by account " + trail.Arn.Split(':')[4] + "; member account " + scope.Account + " can read it but not change it.");
}
