using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudTrailSdk.Fake;

/// <summary>
/// The AWS Organizations organization a fake pretends its accounts belong to: a management account and its members.
/// The fake cannot ask AWS Organizations, so the test author says who is in the organization.
/// </summary>
public sealed class FakeOrganization
{
    /// <summary>The organization's management account (12 digits): it registers delegated administrators.</summary>
    public required string ManagementAccountId { get; init; }

    /// <summary>The member accounts (12 digits each), not counting the management account.</summary>
    public IReadOnlyList<string> MemberAccountIds { get; init; } = Array.Empty<string>();

    /// <summary>Whether an account is the management account or one of the members.</summary>
    public bool Contains(string accountId) => accountId == ManagementAccountId || MemberAccountIds.Contains(accountId, StringComparer.Ordinal);

    internal void Check()
    {
        CheckAccount(ManagementAccountId, nameof(ManagementAccountId));
        ArgumentNullException.ThrowIfNull(MemberAccountIds, nameof(MemberAccountIds));
        foreach (var member in MemberAccountIds)
        {
            CheckAccount(member, nameof(MemberAccountIds));
            if (member == ManagementAccountId)
            {
                throw new ArgumentException("The management account " + member + " is listed among MemberAccountIds too; list only the other accounts there.", nameof(MemberAccountIds));
            }
        }

        if (MemberAccountIds.Distinct(StringComparer.Ordinal).Count() != MemberAccountIds.Count)
        {
            throw new ArgumentException("MemberAccountIds lists an account more than once.", nameof(MemberAccountIds));
        }
    }

    private static void CheckAccount(string? account, string name)
    {
        if (account is null || account.Length != 12 || !account.All(char.IsAsciiDigit))
        {
            throw new ArgumentException(name + ": an account id is 12 digits, not '" + account + "'.", name);
        }
    }
}
