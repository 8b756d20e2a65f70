using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>The organization the test author configured (if any) and its registered delegated administrators.</summary>
internal sealed class OrganizationState
{
    public OrganizationState(FakeOrganization? configured) => Configured = configured;

    public FakeOrganization? Configured { get; }

    /// <summary>Delegated administrator accounts, in the order they were registered.</summary>
    public List<string> DelegatedAdmins { get; } = new();

    public bool InUse => Configured is not null;

    public bool IsManagement(string account) => Configured?.ManagementAccountId == account;

    public bool Contains(string account) => Configured?.Contains(account) == true;

    /// <summary>Accounts that may create and change organization trails and event data stores.</summary>
    public bool CanAdminister(string account) => IsManagement(account) || (Contains(account) && DelegatedAdmins.Contains(account, StringComparer.Ordinal));

    /// <summary>Whether a resource of <paramref name="owner"/> flagged organization-wide applies to <paramref name="account"/>.</summary>
    public bool Covers(string owner, string account) => owner != account && Contains(owner) && Contains(account);

    /// <summary>The accounts whose organization-wide resources apply to others: the management account and the delegated admins.</summary>
    public IEnumerable<string> Administrators => Configured is null ? Array.Empty<string>() : new[] { Configured.ManagementAccountId }.Concat(DelegatedAdmins);
}
