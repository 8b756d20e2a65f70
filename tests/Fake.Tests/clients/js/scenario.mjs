// Drives the fake CloudTrail with the AWS SDK for JavaScript v3, unchanged, and prints what it saw as one JSON object
// (the same shape as boto3_scenario.py, so one C# check judges both).
// Usage: node scenario.mjs ENDPOINT TRAIL_NAME BUCKET PAGE_SIZE. Credentials and region come from the environment.
import {
  CloudTrailClient,
  CreateTrailCommand,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
  StopLoggingCommand,
  TrailNotFoundException,
  paginateLookupEvents,
} from "@aws-sdk/client-cloudtrail";

const [endpoint, trail, bucket, pageSizeText] = process.argv.slice(2);
const pageSize = Number(pageSizeText);
const client = new CloudTrailClient({ endpoint, maxAttempts: 1 });

// Every API call the SDK makes, in order: the test checks LookupEvents returns exactly these, newest first.
const calls = [];
client.middlewareStack.add(
  (next, context) => (args) => {
    calls.push(context.commandName.replace(/Command$/, ""));
    return next(args);
  },
  { step: "initialize", name: "recordCalls" },
);

async function errorOf(command) {
  try {
    await client.send(command);
  } catch (e) {
    return { class: e.constructor.name, code: e.name, status: e.$metadata?.httpStatusCode };
  }
  return null;
}

const out = {};
const created = await client.send(new CreateTrailCommand({ Name: trail, S3BucketName: bucket }));
out.created = { Name: created.Name, TrailARN: created.TrailARN, S3BucketName: created.S3BucketName };
out.errors = {
  duplicate: await errorOf(new CreateTrailCommand({ Name: trail, S3BucketName: bucket })),
  invalidName: await errorOf(new CreateTrailCommand({ Name: "my--trail", S3BucketName: bucket })),
  notFound: await errorOf(new GetTrailCommand({ Name: "missing-" + trail })),
};
try {
  await client.send(new GetTrailStatusCommand({ Name: "missing-" + trail }));
  out.caughtByClass = false;
} catch (e) {
  out.caughtByClass = e instanceof TrailNotFoundException;
}

out.described = (await client.send(new DescribeTrailsCommand({ trailNameList: [created.TrailARN] }))).trailList.map((t) => t.Name);
out.loggingAtStart = (await client.send(new GetTrailStatusCommand({ Name: trail }))).IsLogging;
await client.send(new StartLoggingCommand({ Name: trail }));
out.loggingAfterStart = (await client.send(new GetTrailStatusCommand({ Name: trail }))).IsLogging;
await client.send(new StopLoggingCommand({ Name: trail }));
out.loggingAfterStop = (await client.send(new GetTrailStatusCommand({ Name: trail }))).IsLogging;

out.defaultSelectors = (await client.send(new GetEventSelectorsCommand({ TrailName: trail }))).EventSelectors;
const written = [{ ReadWriteType: "WriteOnly", IncludeManagementEvents: true, DataResources: [] }];
await client.send(new PutEventSelectorsCommand({ TrailName: trail, EventSelectors: written }));
out.putSelectors = written;
out.gotSelectors = (await client.send(new GetEventSelectorsCommand({ TrailName: trail }))).EventSelectors;

const callsBeforeLookup = [...calls];
const pages = [];
for await (const page of paginateLookupEvents({ client, pageSize }, {})) {
  pages.push(page);
}
out.callsBeforeLookup = callsBeforeLookup;
out.pageSizes = pages.map((p) => p.Events.length);
out.lookedUp = pages.flatMap((p) => p.Events.map((e) => e.EventName));
out.lookupCalls = calls.slice(callsBeforeLookup.length).filter((c) => c === "LookupEvents").length;
out.newestRecord = JSON.parse(pages[0].Events[0].CloudTrailEvent);

process.stdout.write(JSON.stringify(out));
