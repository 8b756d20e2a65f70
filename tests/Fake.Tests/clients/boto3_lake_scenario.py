"""Drives the fake's CloudTrail Lake with boto3, unchanged, and prints what it saw as one JSON object.

Usage: boto3_lake_scenario.py ENDPOINT STORE_NAME PAGE_SIZE
Creates an event data store, makes calls that land in it, runs a query to FINISHED, pages its results and hits the
documented errors. Credentials and region come from the environment. The C# test asserts on the output.
"""
import json
import sys
import time

try:
    import boto3

    def make_client(endpoint):
        return boto3.client("cloudtrail", endpoint_url=endpoint)
except ImportError:
    import botocore.session

    def make_client(endpoint):
        return botocore.session.get_session().create_client("cloudtrail", endpoint_url=endpoint)

endpoint, name, page_size = sys.argv[1], sys.argv[2], int(sys.argv[3])
client = make_client(endpoint)


def error_code(call):
    try:
        call()
    except client.exceptions.ClientError as e:
        return e.response["Error"]["Code"]
    return None


out = {}
store = client.create_event_data_store(Name=name, RetentionPeriod=30)
store_id = store["EventDataStoreArn"].split("/")[-1]
out["created"] = {"Status": store["Status"], "RetentionPeriod": store["RetentionPeriod"], "Arn": store["EventDataStoreArn"]}
for _ in range(5):
    client.list_trails()

query_id = client.start_query(QueryStatement=f"SELECT eventName, eventTime FROM {store_id} WHERE eventName = 'ListTrails' ORDER BY eventTime")["QueryId"]
statuses = []
for _ in range(200):
    described = client.describe_query(QueryId=query_id)
    statuses.append(described["QueryStatus"])
    if described["QueryStatus"] not in ("QUEUED", "RUNNING"):
        break
    time.sleep(0.05)
out["finalStatus"] = statuses[-1]
out["statistics"] = {k: described["QueryStatistics"][k] for k in ("EventsMatched", "EventsScanned")}

rows, pages, token = [], 0, None
while True:
    kwargs = {"QueryId": query_id, "MaxQueryResults": page_size}
    if token:
        kwargs["NextToken"] = token
    page = client.get_query_results(**kwargs)
    pages += 1
    rows.extend(page["QueryResultRows"])
    token = page.get("NextToken")
    if not token:
        break
out["pages"] = pages
out["rows"] = [[list(cell.items())[0] for cell in row] for row in rows]
out["listedStores"] = [s["Name"] for s in client.list_event_data_stores()["EventDataStores"]]
out["errors"] = {
    "notSelect": error_code(lambda: client.start_query(QueryStatement=f"DROP TABLE {store_id}")),
    "unknownStore": error_code(lambda: client.start_query(QueryStatement="SELECT * FROM 00000000-0000-0000-0000-000000000000")),
    "duplicate": error_code(lambda: client.create_event_data_store(Name=name)),
    "protected": error_code(lambda: client.delete_event_data_store(EventDataStore=store_id)),
    "unknownQuery": error_code(lambda: client.describe_query(QueryId="11111111-1111-1111-1111-111111111111")),
}
print(json.dumps(out))
