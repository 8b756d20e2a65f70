"""Drives the fake's CloudTrail Lake imports with boto3, unchanged, and prints what it saw as one JSON object.

Usage: boto3_imports_scenario.py ENDPOINT STORE_NAME S3_LOCATION
Creates an event data store, imports the CloudTrail log files the fake maps to S3_LOCATION, waits for the import to
end, reads its failures, queries the imported events and hits the documented errors. The C# test asserts on the output.
"""
import json
import sys
import time

import boto3

endpoint, name, location = sys.argv[1], sys.argv[2], sys.argv[3]
client = boto3.client("cloudtrail", endpoint_url=endpoint)
ROLE = "arn:aws:iam::123456789012:role/import-role"


def error_code(call):
    try:
        call()
    except client.exceptions.ClientError as e:
        return e.response["Error"]["Code"]
    return None


def source(uri):
    return {"S3": {"S3LocationUri": uri, "S3BucketRegion": "us-east-1", "S3BucketAccessRoleArn": ROLE}}


out = {}
store_arn = client.create_event_data_store(Name=name, RetentionPeriod=30)["EventDataStoreArn"]
store_id = store_arn.split("/")[-1]
started = client.start_import(Destinations=[store_arn], ImportSource=source(location))
import_id = started["ImportId"]
out["startedStatus"] = started["ImportStatus"]

for _ in range(300):
    got = client.get_import(ImportId=import_id)
    if got["ImportStatus"] not in ("INITIALIZING", "IN_PROGRESS"):
        break
    time.sleep(0.05)
out["finalStatus"] = got["ImportStatus"]
out["statistics"] = got["ImportStatistics"]
out["failures"] = [{k: f[k] for k in ("Location", "Status", "ErrorType")} for f in client.list_import_failures(ImportId=import_id)["Failures"]]
out["listed"] = [i["ImportId"] for i in client.list_imports(Destination=store_arn)["Imports"]]
out["importId"] = import_id

query_id = client.start_query(QueryStatement=f"SELECT eventName FROM {store_id} WHERE eventName LIKE 'Imported%' ORDER BY eventName")["QueryId"]
for _ in range(300):
    if client.describe_query(QueryId=query_id)["QueryStatus"] not in ("QUEUED", "RUNNING"):
        break
    time.sleep(0.05)
out["queried"] = [list(row[0].values())[0] for row in client.get_query_results(QueryId=query_id)["QueryResultRows"]]

out["errors"] = {
    "unmapped": error_code(lambda: client.start_import(Destinations=[store_arn], ImportSource=source("s3://nobody-mapped-this/x"))),
    "unknownImport": error_code(lambda: client.get_import(ImportId="11111111-2222-4333-8444-555555555555")),
    "stopFinished": error_code(lambda: client.stop_import(ImportId=import_id)),
}
print(json.dumps(out, default=str))
