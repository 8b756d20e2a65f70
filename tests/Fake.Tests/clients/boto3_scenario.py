"""Drives the fake CloudTrail with boto3, unchanged, and prints what it saw as one JSON object.

Usage: boto3_scenario.py ENDPOINT TRAIL_NAME BUCKET PAGE_SIZE
Credentials and region come from the environment, as for any boto3 program. The C# test asserts on the output.
"""
import json
import sys

try:
    import boto3

    def make_client(endpoint):
        return boto3.client("cloudtrail", endpoint_url=endpoint)
except ImportError:
    # CI may have only botocore (Debian's python3-botocore); boto3's client is botocore's, so the scenario is the same.
    import botocore.session

    def make_client(endpoint):
        return botocore.session.get_session().create_client("cloudtrail", endpoint_url=endpoint)

endpoint, trail, bucket, page_size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
client = make_client(endpoint)

# Every API call boto3 makes, in order: the test checks LookupEvents returns exactly these, newest first.
calls = []
client.meta.events.register("before-call.cloudtrail.*", lambda model, **_: calls.append(model.name))


def error_of(call):
    """Runs a call that must fail; returns the modelled exception class boto3 raised and the code on the wire."""
    try:
        call()
    except client.exceptions.ClientError as e:
        return {"class": type(e).__name__, "code": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return None


out = {}
created = client.create_trail(Name=trail, S3BucketName=bucket)
out["created"] = {"Name": created["Name"], "TrailARN": created["TrailARN"], "S3BucketName": created["S3BucketName"]}
out["errors"] = {
    "duplicate": error_of(lambda: client.create_trail(Name=trail, S3BucketName=bucket)),
    "invalidName": error_of(lambda: client.create_trail(Name="my--trail", S3BucketName=bucket)),
    "notFound": error_of(lambda: client.get_trail(Name="missing-" + trail)),
}
# The modelled classes themselves: catching by class only works if boto3 recognised the code.
try:
    client.get_trail_status(Name="missing-" + trail)
    out["caughtByClass"] = False
except client.exceptions.TrailNotFoundException:
    out["caughtByClass"] = True

out["described"] = [t["Name"] for t in client.describe_trails(trailNameList=[created["TrailARN"]])["trailList"]]
out["loggingAtStart"] = client.get_trail_status(Name=trail)["IsLogging"]
client.start_logging(Name=trail)
out["loggingAfterStart"] = client.get_trail_status(Name=trail)["IsLogging"]
client.stop_logging(Name=trail)
out["loggingAfterStop"] = client.get_trail_status(Name=trail)["IsLogging"]

out["defaultSelectors"] = client.get_event_selectors(TrailName=trail)["EventSelectors"]
written = [{"ReadWriteType": "WriteOnly", "IncludeManagementEvents": True, "DataResources": []}]
client.put_event_selectors(TrailName=trail, EventSelectors=written)
out["putSelectors"] = written
out["gotSelectors"] = client.get_event_selectors(TrailName=trail)["EventSelectors"]

calls_before_lookup = list(calls)
paginator = client.get_paginator("lookup_events")
pages = list(paginator.paginate(PaginationConfig={"PageSize": page_size}))
out["callsBeforeLookup"] = calls_before_lookup
out["pageSizes"] = [len(p["Events"]) for p in pages]
out["lookedUp"] = [e["EventName"] for p in pages for e in p["Events"]]
out["lookupCalls"] = calls[len(calls_before_lookup):].count("LookupEvents")
first = pages[0]["Events"][0]
out["newestRecord"] = json.loads(first["CloudTrailEvent"])

json.dump(out, sys.stdout, default=str)
