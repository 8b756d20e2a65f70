"""Drives the fake's CloudTrail Lake dashboards with boto3, unchanged, and prints what it saw as one JSON object.

Usage: boto3_dashboards_scenario.py ENDPOINT DASHBOARD_NAME
Creates an event data store and a dashboard over it, reads, lists and updates the dashboard, refreshes it and reads the
widget query's results, then hits the documented errors. The C# test asserts on the output.
"""
import json
import sys
import time

import boto3

endpoint, name = sys.argv[1], sys.argv[2]
client = boto3.client("cloudtrail", endpoint_url=endpoint)


def error_code(call):
    try:
        call()
    except client.exceptions.ClientError as e:
        return e.response["Error"]["Code"]
    return None


out = {}
store_id = client.create_event_data_store(Name=name + "-store")["EventDataStoreArn"].split("/")[-1]
for _ in range(3):
    client.list_trails()

widget = {
    "QueryStatement": f"SELECT COUNT(*) AS calls FROM {store_id} WHERE eventName = 'ListTrails' AND eventTime >= ?",
    "QueryParameters": ["$StartTime$"],
    "ViewProperties": {"View": "Table"},
}
created = client.create_dashboard(Name=name, Widgets=[widget], TerminationProtectionEnabled=True)
out["arn"] = created["DashboardArn"]
out["type"] = created["Type"]
got = client.get_dashboard(DashboardId=name)
out["status"] = got["Status"]
out["aliases"] = [w["QueryAlias"] for w in got["Widgets"]]
out["listed"] = [d["DashboardArn"] for d in client.list_dashboards(NamePrefix=name)["Dashboards"]]
updated = client.update_dashboard(DashboardId=created["DashboardArn"], RefreshSchedule={"Frequency": {"Unit": "HOURS", "Value": 12}, "Status": "ENABLED"})
out["scheduleValue"] = updated["RefreshSchedule"]["Frequency"]["Value"]

refresh_id = client.start_dashboard_refresh(DashboardId=name, QueryParameterValues={"$StartTime$": "2020-01-01T00:00:00Z"})["RefreshId"]
out["refreshId"] = refresh_id
out["lastRefreshId"] = client.get_dashboard(DashboardId=name)["LastRefreshId"]
query_id = client.list_queries(EventDataStore=store_id)["Queries"][0]["QueryId"]
for _ in range(300):
    if client.describe_query(QueryId=query_id)["QueryStatus"] not in ("QUEUED", "RUNNING"):
        break
    time.sleep(0.05)
out["calls"] = client.get_query_results(QueryId=query_id)["QueryResultRows"][0][0]["calls"]

out["errors"] = {
    "duplicate": error_code(lambda: client.create_dashboard(Name=name)),
    "protected": error_code(lambda: client.delete_dashboard(DashboardId=name)),
    "unknown": error_code(lambda: client.get_dashboard(DashboardId="no-such-dashboard")),
    "notSelect": error_code(lambda: client.create_dashboard(Name=name + "-bad", Widgets=[{"QueryStatement": f"DELETE FROM {store_id}", "ViewProperties": {"View": "Table"}}])),
}
print(json.dumps(out, default=str))
