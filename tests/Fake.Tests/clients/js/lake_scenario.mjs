// Drives the fake's CloudTrail Lake with the AWS SDK for JavaScript v3, unchanged, and prints what it saw as one JSON
// object (the same shape as boto3_lake_scenario.py, so one C# check judges both).
// Usage: node lake_scenario.mjs ENDPOINT STORE_NAME PAGE_SIZE. Credentials and region come from the environment.
import {
  CloudTrailClient,
  CreateEventDataStoreCommand,
  DeleteEventDataStoreCommand,
  DescribeQueryCommand,
  GetQueryResultsCommand,
  ListEventDataStoresCommand,
  ListTrailsCommand,
  StartQueryCommand,
} from "@aws-sdk/client-cloudtrail";

const [endpoint, name, pageSizeText] = process.argv.slice(2);
const pageSize = Number(pageSizeText);
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
const store = await client.send(new CreateEventDataStoreCommand({ Name: name, RetentionPeriod: 30 }));
const storeId = store.EventDataStoreArn.split("/").pop();
out.created = { Status: store.Status, RetentionPeriod: store.RetentionPeriod, Arn: store.EventDataStoreArn };
for (let i = 0; i < 5; i++) {
  await client.send(new ListTrailsCommand({}));
}

const { QueryId: queryId } = await client.send(new StartQueryCommand({
  QueryStatement: `SELECT eventName, eventTime FROM ${storeId} WHERE eventName = 'ListTrails' ORDER BY eventTime`,
}));
let described;
for (let i = 0; i < 200; i++) {
  described = await client.send(new DescribeQueryCommand({ QueryId: queryId }));
  if (described.QueryStatus !== "QUEUED" && described.QueryStatus !== "RUNNING") break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
out.finalStatus = described.QueryStatus;
out.statistics = { EventsMatched: described.QueryStatistics.EventsMatched, EventsScanned: described.QueryStatistics.EventsScanned };

const rows = [];
let pages = 0;
let token;
do {
  const page = await client.send(new GetQueryResultsCommand({ QueryId: queryId, MaxQueryResults: pageSize, NextToken: token }));
  pages++;
  rows.push(...page.QueryResultRows);
  token = page.NextToken;
} while (token);
out.pages = pages;
out.rows = rows.map((row) => row.map((cell) => Object.entries(cell)[0]));
out.listedStores = (await client.send(new ListEventDataStoresCommand({}))).EventDataStores.map((s) => s.Name);
out.errors = {
  notSelect: await errorCode(new StartQueryCommand({ QueryStatement: `DROP TABLE ${storeId}` })),
  unknownStore: await errorCode(new StartQueryCommand({ QueryStatement: "SELECT * FROM 00000000-0000-0000-0000-000000000000" })),
  duplicate: await errorCode(new CreateEventDataStoreCommand({ Name: name })),
  protected: await errorCode(new DeleteEventDataStoreCommand({ EventDataStore: storeId })),
  unknownQuery: await errorCode(new DescribeQueryCommand({ QueryId: "11111111-1111-1111-1111-111111111111" })),
};
console.log(JSON.stringify(out));
