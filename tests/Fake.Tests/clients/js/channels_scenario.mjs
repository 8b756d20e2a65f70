// Drives the fake's channels, resource policies, federation and event configuration with the AWS SDK for JavaScript
// v3, unchanged, and prints what it saw as one JSON object (the shape of boto3_channels_scenario.py, so one C# check
// judges both). Usage: node channels_scenario.mjs ENDPOINT PREFIX. Credentials and region come from the environment.
import {
  AddTagsCommand,
  CloudTrailClient,
  CreateChannelCommand,
  CreateEventDataStoreCommand,
  DeleteEventDataStoreCommand,
  DeleteResourcePolicyCommand,
  DisableFederationCommand,
  EnableFederationCommand,
  GetChannelCommand,
  GetEventConfigurationCommand,
  GetEventDataStoreCommand,
  GetResourcePolicyCommand,
  ListTagsCommand,
  PutEventConfigurationCommand,
  PutResourcePolicyCommand,
  UpdateChannelCommand,
  paginateListChannels,
} from "@aws-sdk/client-cloudtrail";

const [endpoint, prefix] = process.argv.slice(2);
const client = new CloudTrailClient({ endpoint, maxAttempts: 1 });

async function errorCode(command) {
  try {
    await client.send(command);
  } catch (e) {
    return e.name;
  }
  return null;
}

const out = {};
const activity = (await client.send(new CreateEventDataStoreCommand({
  Name: `${prefix}-activity`,
  TerminationProtectionEnabled: false,
  AdvancedEventSelectors: [{ FieldSelectors: [{ Field: "eventCategory", Equals: ["ActivityAuditLog"] }] }],
}))).EventDataStoreArn;
const management = (await client.send(new CreateEventDataStoreCommand({ Name: `${prefix}-management`, TerminationProtectionEnabled: false }))).EventDataStoreArn;
const toActivity = [{ Type: "EVENT_DATA_STORE", Location: activity }];

// Channels
const arn = (await client.send(new CreateChannelCommand({ Name: `${prefix}-channel`, Source: "Custom", Destinations: toActivity, Tags: [{ Key: "team", Value: "sec" }] }))).ChannelArn;
const got = await client.send(new GetChannelCommand({ Channel: arn }));
await client.send(new CreateChannelCommand({ Name: `${prefix}-second`, Source: "Custom", Destinations: toActivity }));
const paged = [];
for await (const page of paginateListChannels({ client, pageSize: 1 }, {})) {
  paged.push(...page.Channels.map((c) => c.Name));
}
const updated = await client.send(new UpdateChannelCommand({ Channel: arn, Name: `${prefix}-renamed` }));
await client.send(new AddTagsCommand({ ResourceId: arn, TagsList: [{ Key: "env", Value: "test" }] }));
const tags = (await client.send(new ListTagsCommand({ ResourceIdList: [arn] }))).ResourceTagList[0].TagsList.map((t) => t.Key);
out.channels = {
  source: got.Source,
  destination: got.Destinations[0].Location === activity,
  paged,
  renamed: updated.Name,
  tags,
  errors: {
    duplicate: await errorCode(new CreateChannelCommand({ Name: `${prefix}-renamed`, Source: "Custom", Destinations: toActivity })),
    category: await errorCode(new CreateChannelCommand({ Name: `${prefix}-wrong`, Source: "Custom", Destinations: [{ Type: "EVENT_DATA_STORE", Location: management }] })),
    notFound: await errorCode(new GetChannelCommand({ Channel: arn.slice(0, arn.lastIndexOf("/")) + "/00000000-0000-0000-0000-000000000000" })),
    badArn: await errorCode(new GetChannelCommand({ Channel: "arn:aws:cloudtrail:us-east-1:1:channel/x" })),
    storeInUse: await errorCode(new DeleteEventDataStoreCommand({ EventDataStore: activity })),
  },
};

// Resource policies
const policy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Sid: "ingest", Effect: "Allow", Principal: { AWS: "111122223333" }, Action: "cloudtrail-data:PutAuditEvents", Resource: arn }],
});
const put = await client.send(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: policy }));
const read = (await client.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).ResourcePolicy;
await client.send(new DeleteResourcePolicyCommand({ ResourceArn: arn }));
out.policies = {
  same: put.ResourcePolicy === policy && read === policy,
  errors: {
    gone: await errorCode(new GetResourcePolicyCommand({ ResourceArn: arn })),
    invalid: await errorCode(new PutResourcePolicyCommand({ ResourceArn: arn, ResourcePolicy: '{"Version": "2012-10-17", "Statement": []}' })),
    type: await errorCode(new GetResourcePolicyCommand({ ResourceArn: "arn:aws:cloudtrail:us-east-1:123456789012:trail/t" })),
    arn: await errorCode(new GetResourcePolicyCommand({ ResourceArn: "not-an-arn" })),
  },
};

// Federation
const role = "arn:aws:iam::111122223333:role/federation";
const enabled = await client.send(new EnableFederationCommand({ EventDataStore: management, FederationRoleArn: role }));
out.federation = {
  enable: enabled.FederationStatus,
  role: (await client.send(new GetEventDataStoreCommand({ EventDataStore: management }))).FederationRoleArn,
  errors: {
    again: await errorCode(new EnableFederationCommand({ EventDataStore: management, FederationRoleArn: role })),
    badRole: await errorCode(new EnableFederationCommand({ EventDataStore: activity, FederationRoleArn: "arn:aws:iam::111122223333:user/u" })),
    notFound: await errorCode(new DisableFederationCommand({ EventDataStore: "00000000-0000-0000-0000-000000000000" })),
  },
};

// Event configuration
const fallback = await client.send(new GetEventConfigurationCommand({ EventDataStore: management }));
await client.send(new PutEventConfigurationCommand({
  EventDataStore: management,
  MaxEventSize: "Large",
  ContextKeySelectors: [{ Type: "RequestContext", Equals: ["aws:SourceIp"] }],
}));
const after = await client.send(new GetEventConfigurationCommand({ EventDataStore: management }));
out.eventConfiguration = {
  default: fallback.MaxEventSize,
  after: after.MaxEventSize,
  selectors: after.ContextKeySelectors.map((s) => `${s.Type}=${s.Equals.join(",")}`),
  errors: {
    both: await errorCode(new GetEventConfigurationCommand({ TrailName: "some-trail", EventDataStore: management })),
    trail: await errorCode(new GetEventConfigurationCommand({ TrailName: "no-such-trail" })),
    category: await errorCode(new PutEventConfigurationCommand({ EventDataStore: activity, MaxEventSize: "Large" })),
  },
};
console.log(JSON.stringify(out));
