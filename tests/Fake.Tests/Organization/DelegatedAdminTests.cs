using System.Collections.Generic;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Organization;

/// <summary>RegisterOrganizationDelegatedAdmin and DeregisterOrganizationDelegatedAdmin, with and without an organization.</summary>
[Trait("Category", "Unit")]
public sealed class DelegatedAdminTests
{
    internal const string Management = "111111111111";
    internal const string MemberA = "222222222222";
    internal const string MemberB = "333333333333";
    internal const string Outsider = "444444444444";
    internal const string ManagementKey = "AKIAORGMANAGEMENT001";
    internal const string MemberAKey = "AKIAORGMEMBERA000001";
    internal const string MemberBKey = "AKIAORGMEMBERB000001";
    internal const string OutsiderKey = "AKIAORGOUTSIDER00001";

    internal static FakeCloudTrail Organized(int members = 2) => new(new FakeCloudTrailOptions
    {
        Accounts = new Dictionary<string, string> { [ManagementKey] = Management, [MemberAKey] = MemberA, [MemberBKey] = MemberB, [OutsiderKey] = Outsider },
        Organization = new FakeOrganization
        {
            ManagementAccountId = Management,
            MemberAccountIds = members == 2 ? new[] { MemberA, MemberB } : new[] { MemberA, MemberB, "555555555555", "666666666666", "777777777777" },
        },
    });

    [Fact]
    public async Task The_management_account_registers_and_deregisters_a_member()
    {
        var fake = Organized();
        using var management = Clients.InProcess(fake, "us-east-1", ManagementKey);

        await management.RegisterOrganizationDelegatedAdminAsync(new RegisterOrganizationDelegatedAdminRequest { MemberAccountId = MemberA });
        Assert.Equal("AccountRegisteredException", await Errors.CodeOf(() => management.RegisterOrganizationDelegatedAdminAsync(new RegisterOrganizationDelegatedAdminRequest { MemberAccountId = MemberA })));
        await management.DeregisterOrganizationDelegatedAdminAsync(new DeregisterOrganizationDelegatedAdminRequest { DelegatedAdminAccountId = MemberA });
        Assert.Equal("AccountNotRegisteredException", await Errors.CodeOf(() => management.DeregisterOrganizationDelegatedAdminAsync(new DeregisterOrganizationDelegatedAdminRequest { DelegatedAdminAccountId = MemberA })));
    }

    [Fact]
    public async Task With_a_data_directory_a_registration_survives_a_restart()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("ct-fake-org-").FullName;
        var options = new FakeCloudTrailOptions
        {
            DataDirectory = directory,
            Accounts = new Dictionary<string, string> { [ManagementKey] = Management },
            Organization = new FakeOrganization { ManagementAccountId = Management, MemberAccountIds = new[] { MemberA } },
        };
        try
        {
            using (var first = new FakeCloudTrail(options))
            using (var client = Clients.InProcess(first, "us-east-1", ManagementKey))
            {
                await client.RegisterOrganizationDelegatedAdminAsync(new RegisterOrganizationDelegatedAdminRequest { MemberAccountId = MemberA });
            }

            using var restarted = new FakeCloudTrail(options);
            using var again = Clients.InProcess(restarted, "us-east-1", ManagementKey);
            Assert.Equal("AccountRegisteredException", await Errors.CodeOf(() => again.RegisterOrganizationDelegatedAdminAsync(new RegisterOrganizationDelegatedAdminRequest { MemberAccountId = MemberA })));
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_journal_made_with_an_organization_names_the_call_when_the_fake_restarts_without_one()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("ct-fake-org-").FullName;
        var accounts = new Dictionary<string, string> { [ManagementKey] = Management };
        try
        {
            using (var first = new FakeCloudTrail(new FakeCloudTrailOptions
            {
                DataDirectory = directory,
                Accounts = accounts,
                Organization = new FakeOrganization { ManagementAccountId = Management, MemberAccountIds = new[] { MemberA } },
            }))
            using (var client = Clients.InProcess(first, "us-east-1", ManagementKey))
            {
                await client.RegisterOrganizationDelegatedAdminAsync(new RegisterOrganizationDelegatedAdminRequest { MemberAccountId = MemberA });
            }

            var error = Assert.Throws<System.IO.InvalidDataException>(() => new FakeCloudTrail(new FakeCloudTrailOptions { DataDirectory = directory, Accounts = accounts }));
            Assert.Contains(", line ", error.Message, System.StringComparison.Ordinal);
            Assert.Contains("RegisterOrganizationDelegatedAdmin succeeded when it was made but now fails with OrganizationsNotInUseException", error.Message, System.StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_modelled_errors()
    {
        var fake = Organized(members: 5);
        using var management = Clients.InProcess(fake, "us-east-1", ManagementKey);
        using var member = Clients.InProcess(fake, "us-east-1", MemberAKey);
        async Task<string> Register(CloudTrailClient client, string account) =>
            await Errors.CodeOf(() => client.RegisterOrganizationDelegatedAdminAsync(new RegisterOrganizationDelegatedAdminRequest { MemberAccountId = account }));

        Assert.Equal("NotOrganizationManagementAccountException", await Register(member, MemberB));
        Assert.Equal("NotOrganizationManagementAccountException", await Errors.CodeOf(() => member.DeregisterOrganizationDelegatedAdminAsync(new DeregisterOrganizationDelegatedAdminRequest { DelegatedAdminAccountId = MemberB })));
        Assert.Equal("CannotDelegateManagementAccountException", await Register(management, Management));
        Assert.Equal("AccountNotFoundException", await Register(management, Outsider));
        Assert.Equal("AccountNotFoundException", await Errors.CodeOf(() => management.DeregisterOrganizationDelegatedAdminAsync(new DeregisterOrganizationDelegatedAdminRequest { DelegatedAdminAccountId = Outsider })));
        foreach (var account in new[] { MemberA, MemberB, "555555555555" })
        {
            await management.RegisterOrganizationDelegatedAdminAsync(new RegisterOrganizationDelegatedAdminRequest { MemberAccountId = account });
        }

        Assert.Equal("DelegatedAdminAccountLimitExceededException", await Register(management, "666666666666"));
    }

    [Fact]
    public async Task Without_an_organization_every_organization_call_answers_OrganizationsNotInUse()
    {
        using var client = new FakeCloudTrail().CreateClient();

        Assert.Equal("OrganizationsNotInUseException", await Errors.CodeOf(() => client.RegisterOrganizationDelegatedAdminAsync(new RegisterOrganizationDelegatedAdminRequest { MemberAccountId = MemberA })));
        Assert.Equal("OrganizationsNotInUseException", await Errors.CodeOf(() => client.DeregisterOrganizationDelegatedAdminAsync(new DeregisterOrganizationDelegatedAdminRequest { DelegatedAdminAccountId = MemberA })));
        Assert.Equal("OrganizationsNotInUseException", await Errors.CodeOf(() => client.CreateTrailAsync(new CreateTrailRequest { Name = "org", S3BucketName = "bucket", IsOrganizationTrail = true })));
        Assert.Equal("OrganizationsNotInUseException", await Errors.CodeOf(() => client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "org", OrganizationEnabled = true })));
    }

    [Theory]
    [InlineData("12345", "222222222222", "ManagementAccountId")]
    [InlineData("111111111111", "111111111111", "among MemberAccountIds")]
    [InlineData("111111111111", "22222222222x", "22222222222x")]
    public void A_bad_organization_is_refused_when_the_fake_is_made(string management, string member, string named)
    {
        var error = Assert.ThrowsAny<System.ArgumentException>(() => new FakeCloudTrail(new FakeCloudTrailOptions
        {
            Organization = new FakeOrganization { ManagementAccountId = management, MemberAccountIds = new[] { member } },
        }));
        Assert.Contains(named, error.Message, System.StringComparison.Ordinal);
    }
}
