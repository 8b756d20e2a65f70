using System;
using System.Threading.Tasks;
using CloudTrailSdk.Fake.Tests.Channels;
using CloudTrailSdk.Fake.Tests.Support;

namespace CloudTrailSdk.Fake.Tests.Policies;

/// <summary>Resource-based policies on channels and event data stores: put, get back the same text, delete, and the checks on the document.</summary>
[Trait("Category", "Unit")]
public sealed class ResourcePolicyTests
{
    private const string Account = FakeCloudTrail.DefaultAccountId;
    private readonly FakeCloudTrail _fake = new(new FakeCloudTrailOptions());
    private readonly CloudTrailClient _client;

    public ResourcePolicyTests() => _client = Clients.InProcess(_fake, "us-east-1");

    private static string Policy(string action, string resource, string effect = "Allow") =>
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{ \"Sid\": \"s1\", \"Effect\": \"" + effect + "\", \"Principal\": { \"AWS\": \"111122223333\" }, \"Action\": \"" + action + "\", \"Resource\": \"" + resource + "\" }]\n}";

    [Fact]
    public async Task A_channel_policy_is_put_read_back_verbatim_and_deleted()
    {
        var store = await ActivityStores.CreateAsync(_client, "activity");
        var channel = (await _client.CreateChannelAsync(new CreateChannelRequest { Name = "with-policy", SourceValue = "Custom", Destinations = new[] { ActivityStores.To(store) } })).ChannelArn!;
        var policy = Policy("cloudtrail-data:PutAuditEvents", channel);

        await Assert.ThrowsAsync<ResourcePolicyNotFoundException>(() => _client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = channel }));
        var put = await _client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = channel, ResourcePolicy = policy });
        Assert.Equal(channel, put.ResourceArn);
        Assert.Equal(policy, put.ResourcePolicy);
        Assert.Equal(policy, (await _client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = channel })).ResourcePolicy);

        await _client.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = channel });
        await Assert.ThrowsAsync<ResourcePolicyNotFoundException>(() => _client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = channel }));
        await Assert.ThrowsAsync<ResourcePolicyNotFoundException>(() => _client.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = channel }));

        // Deleting the channel drops its policy with it.
        await _client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = channel, ResourcePolicy = policy });
        await _client.DeleteChannelAsync(new DeleteChannelRequest { Channel = channel });
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = channel }));
    }

    [Fact]
    public async Task An_event_data_store_policy_grants_query_actions_and_goes_with_the_store()
    {
        var store = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "shared", TerminationProtectionEnabled = false })).EventDataStoreArn!;
        var policy = Policy("cloudtrail:StartQuery", store);

        await _client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = store, ResourcePolicy = policy });
        Assert.Equal(policy, (await _client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = store })).ResourcePolicy);
        await Assert.ThrowsAsync<ResourcePolicyNotValidException>(() => _client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = store, ResourcePolicy = Policy("cloudtrail-data:PutAuditEvents", store) }));

        await _client.DeleteEventDataStoreAsync(new DeleteEventDataStoreRequest { EventDataStore = store });
        await Assert.ThrowsAsync<ResourcePolicyNotFoundException>(() => _client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = store }));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = store, ResourcePolicy = policy }));
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"Statement\": []}", "Version")]
    [InlineData("{\"Version\": \"2012-10-17\"}", "no Statement")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": []}", "Statement is empty")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Permit\", \"Principal\": \"*\", \"Action\": \"cloudtrail:StartQuery\", \"Resource\": \"ARN\"}]}", "Statement[0].Effect")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"cloudtrail:StartQuery\", \"Resource\": \"ARN\"}]}", "Statement[0] has no Principal")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Group\": \"x\"}, \"Action\": \"cloudtrail:StartQuery\", \"Resource\": \"ARN\"}]}", "Statement[0].Principal.Group")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Resource\": \"ARN\"}]}", "Statement[0] has no Action")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": [\"cloudtrail:StartQuery\", \"s3:GetObject\"], \"Resource\": \"ARN\"}]}", "Statement[0].Action[1] s3:GetObject")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"cloudtrail:StartQuery\", \"Resource\": \"arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/other\"}]}", "Statement[0].Resource")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"NotAction\": \"cloudtrail:StartQuery\", \"Resource\": \"ARN\"}]}", "NotAction")]
    public async Task A_malformed_policy_is_refused_saying_what_and_where(string policy, string expected)
    {
        var store = (await _client.CreateEventDataStoreAsync(new CreateEventDataStoreRequest { Name = "checked" })).EventDataStoreArn!;

        var error = await Assert.ThrowsAsync<ResourcePolicyNotValidException>(() => _client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = store, ResourcePolicy = policy.Replace("ARN", store, StringComparison.Ordinal) }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARNs_are_checked_for_shape_type_and_existence()
    {
        await Assert.ThrowsAsync<ResourceARNNotValidException>(() => _client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = "not-an-arn" }));
        await Assert.ThrowsAsync<ResourceARNNotValidException>(() => _client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = "arn:aws:cloudtrail:us-east-1:123:channel/x" }));
        await Assert.ThrowsAsync<ResourceTypeNotSupportedException>(() => _client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = "arn:aws:cloudtrail:us-east-1:" + Account + ":trail/t" }));
        await Assert.ThrowsAsync<ResourceTypeNotSupportedException>(() => _client.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = "arn:aws:s3:::bucket/key" }));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = "arn:aws:cloudtrail:us-east-1:" + Account + ":channel/" + Guid.NewGuid() }));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _client.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = "arn:aws:cloudtrail:us-east-1:" + Account + ":dashboard/none" }));
        var missing = "arn:aws:cloudtrail:us-east-1:" + Account + ":eventdatastore/" + Guid.NewGuid();
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = missing, ResourcePolicy = Policy("cloudtrail:StartQuery", missing) }));
    }
}
