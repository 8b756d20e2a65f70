using System;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>
/// Delegated administrators of the configured organization, and the rules organization trails and event data stores
/// follow: who may create them, and the errors AWS gives an account outside an organization.
/// </summary>
internal sealed class OrganizationBehaviour
{
    /// <summary>Delegated administrators an organization may have for CloudTrail, as AWS limits them.</summary>
    public const int MaxDelegatedAdmins = 3;

    private readonly FakeStore _store;

    public OrganizationBehaviour(FakeStore store) => _store = store;

    public RegisterOrganizationDelegatedAdminResponse Register(RegisterOrganizationDelegatedAdminRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var organization = ManagedBy(scope);
            var account = request.MemberAccountId;
            if (organization.IsManagement(account))
            {
                throw new CannotDelegateManagementAccountException("The management account " + account + " administers the organization already; delegate a member account instead.");
            }

            CheckMember(organization, account);
            if (organization.DelegatedAdmins.Contains(account, StringComparer.Ordinal))
            {
                throw new AccountRegisteredException("Account " + account + " is already a delegated administrator for CloudTrail.");
            }

            if (organization.DelegatedAdmins.Count >= MaxDelegatedAdmins)
            {
                throw new DelegatedAdminAccountLimitExceededException("The organization has " + MaxDelegatedAdmins + " delegated administrators for CloudTrail, the most it may have; deregister one first.");
            }

            organization.DelegatedAdmins.Add(account);
            return new RegisterOrganizationDelegatedAdminResponse();
        }
    }

    public DeregisterOrganizationDelegatedAdminResponse Deregister(DeregisterOrganizationDelegatedAdminRequest request, CallScope scope)
    {
        lock (_store.Gate)
        {
            var organization = ManagedBy(scope);
            var account = request.DelegatedAdminAccountId;
            if (!organization.IsManagement(account))
            {
                CheckMember(organization, account);
            }

            if (!organization.DelegatedAdmins.Remove(account))
            {
                throw new AccountNotRegisteredException("Account " + account + " is not a delegated administrator for CloudTrail.");
            }

            return new DeregisterOrganizationDelegatedAdminResponse();
        }
    }

    /// <summary>
    /// Checks that <paramref name="scope"/>'s account may create or flag an organization-wide <paramref name="what"/>;
    /// callers hold the gate.
    /// </summary>
    public static void CheckMayAdminister(OrganizationState organization, CallScope scope, string what)
    {
        if (!organization.InUse)
        {
            throw new OrganizationsNotInUseException("Account " + scope.Account + " is not in an organization, so it cannot have an organization " + what + ".");
        }

        if (!organization.CanAdminister(scope.Account))
        {
            throw new NotOrganizationMasterAccountException("Only the organization's management account or a delegated administrator can make an organization " + what + "; account " + scope.Account + " is neither.");
        }
    }

    private OrganizationState ManagedBy(CallScope scope)
    {
        var organization = _store.Organization;
        if (!organization.InUse)
        {
            throw new OrganizationsNotInUseException("Account " + scope.Account + " is not in an organization; the fake was started without one (FakeCloudTrailOptions.Organization, --organization).");
        }

        if (!organization.IsManagement(scope.Account))
        {
            throw new NotOrganizationManagementAccountException("Only the organization's management account (" + organization.Configured!.ManagementAccountId + ") manages delegated administrators, not account " + scope.Account + ".");
        }

        return organization;
    }

    private static void CheckMember(OrganizationState organization, string account)
    {
        if (!organization.Contains(account))
        {
            throw new AccountNotFoundException("Account " + account + " is not a member of the organization.");
        }
    }
}
