using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Support;
using static CloudTrailSdk.Fake.Tests.Organization.DelegatedAdminTests;

namespace CloudTrailSdk.Fake.Tests.Organization;

/// <summary>
/// Organization trails and event data stores with accounts told apart by access key: who may create them, what the
/// members see, what they may not change, and member calls landing in an organization store.
/// </summary>
[Trait("Category", "Unit")]
public sealed class OrganizationTrailTests
{
    private readonly FakeCloudTrail _fake = Organized();

    [Fact]
    public async Task Members_see_an_organization_trail_in_every_region_it_covers_but_cannot_change_it()
    {
        using var management = Clients.InProcess(_fake, "us-east-1", ManagementKey);
        using var member = Clients.InProcess(_fake, "us-east-1", MemberAKey);
        using var memberWest = Clients.InProcess(_fake, "eu-west-1", MemberAKey);
        using var outsider = Clients.InProcess(_fake, "us-east-1", OutsiderKey);
        var arn = (await management.CreateTrailAsync(new CreateTrailRequest { Name = "org-trail", S3BucketName = "bucket", IsOrganizationTrail = true, IsMultiRegionTrail = true })).TrailARN!;
        await management.StartLoggingAsync(new StartLoggingRequest { Name = arn });

        var described = Assert.Single((await member.DescribeTrailsAsync(new DescribeTrailsRequest())).TrailList!);
        Assert.Equal(arn, described.TrailARN);
        Assert.Equal(true, described.IsOrganizationTrail);
        Assert.Equal(arn, (await memberWest.GetTrailAsync(new GetTrailRequest { Name = arn })).Trail!.TrailARN);
        Assert.Equal(arn, Assert.Single((await member.ListTrailsAsync(new ListTrailsRequest())).Trails!).TrailARN);
        Assert.Equal(true, (await member.GetTrailStatusAsync(new GetTrailStatusRequest { Name = arn })).IsLogging);

        Assert.Equal("NotOrganizationMasterAccountException", await Errors.CodeOf(() => member.UpdateTrailAsync(new UpdateTrailRequest { Name = arn, S3BucketName = "mine" })));
        Assert.Equal("NotOrganizationMasterAccountException", await Errors.CodeOf(() => member.DeleteTrailAsync(new DeleteTrailRequest { Name = arn })));
        Assert.Equal("NotOrganizationMasterAccountException", await Errors.CodeOf(() => member.StopLoggingAsync(new StopLoggingRequest { Name = arn })));
        Assert.Equal("NotOrganizationMasterAccountException", await Errors.CodeOf(() => member.StartLoggingAsync(new StartLoggingRequest { Name = "org-trail" })));

        Assert.Empty((await outsider.DescribeTrailsAsync(new DescribeTrailsRequest())).TrailList!);
        Assert.Equal("TrailNotFoundException", await Errors.CodeOf(() => outsider.GetTrailAsync(new GetTrailRequest { Name = arn })));
    }

    [Fact]
    public async Task Only_the_management_account_or_a_delegated_admin_makes_organization_trails_and_stores()
    {
        using var management = Clients.InProcess(_fake, "us-east-1", ManagementKey);
        using var member = Clients.InProcess(_fake, "us-east-1", MemberBKey);
        var plain = (await member.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "member-store" })).EventDataStoreArn!;

        Assert.Equal("NotOrganizationMasterAccountException", await Errors.CodeOf(() => member.CreateTrailAsync(new CreateTrailRequest { Name = "org-wide", S3BucketName = "bucket", IsOrganizationTrail = true })));
        Assert.Equal("NotOrganizationMasterAccountException", await Errors.CodeOf(() => member.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "org-store", OrganizationEnabled = true })));
        Assert.Equal("NotOrganizationMasterAccountException", await Errors.CodeOf(() => member.UpdateEventDataStoreAsync(new UpdateEventDataStoreRequest { EventDataStore = plain, OrganizationEnabled = true })));

        await management.RegisterOrganizationDelegatedAdminAsync(new RegisterOrganizationDelegatedAdminRequest { MemberAccountId = MemberB });

        var trail = await member.CreateTrailAsync(new CreateTrailRequest { Name = "org-wide", S3BucketName = "bucket", IsOrganizationTrail = true });
        var store = await member.UpdateEventDataStoreAsync(new UpdateEventDataStoreRequest { EventDataStore = plain, OrganizationEnabled = true });
        Assert.Equal(true, trail.IsOrganizationTrail);
        Assert.Equal(true, store.OrganizationEnabled);
    }

    [Fact]
    public async Task An_organization_store_takes_member_calls_and_a_plain_store_does_not()
    {
        using var management = Clients.InProcess(_fake, "us-east-1", ManagementKey);
        using var member = Clients.InProcess(_fake, "us-east-1", MemberAKey);
        using var outsider = Clients.InProcess(_fake, "us-east-1", OutsiderKey);
        var organizationStore = await management.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "org-store", OrganizationEnabled = true });
        var plainStore = await management.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "plain-store" });
        Assert.Equal(true, organizationStore.OrganizationEnabled);

        await member.ListTrailsAsync(new ListTrailsRequest());
        await member.ListTrailsAsync(new ListTrailsRequest());
        await outsider.ListTrailsAsync(new ListTrailsRequest());
        await management.ListTrailsAsync(new ListTrailsRequest());

        Assert.Equal(
            new[] { Management + "=1", MemberA + "=2" },
            await CallersAsync(management, organizationStore.EventDataStoreArn!));
        Assert.Equal(new[] { Management + "=1" }, await CallersAsync(management, plainStore.EventDataStoreArn!));
    }

    // Who called ListTrails, as the store saw it: "account=calls", by account.
    private static async Task<string[]> CallersAsync(CloudTrailClient client, string storeArn)
    {
        var id = storeArn.Split('/')[^1];
        var queryId = (await client.StartQueryAsync(new StartQueryRequest
        {
            QueryStatement = "SELECT recipientAccountId AS account, COUNT(*) AS calls FROM " + id + " WHERE eventName = 'ListTrails' GROUP BY recipientAccountId ORDER BY recipientAccountId",
        })).QueryId!;
        QueryStatus? status = null;
        for (var i = 0; i < 400 && (status is null || status == QueryStatus.Queued || status == QueryStatus.Running); i++)
        {
            status = (await client.DescribeQueryAsync(new DescribeQueryRequest { QueryId = queryId })).QueryStatus;
            await Task.Delay(25);
        }

        Assert.Equal(QueryStatus.Finished, status);
        var rows = (await client.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = queryId })).QueryResultRows!;
        return rows.Select(r => r[0]["account"] + "=" + r[1]["calls"]).ToArray();
    }
}
