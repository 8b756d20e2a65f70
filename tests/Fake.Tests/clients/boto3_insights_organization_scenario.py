"""Drives the fake's insights, organization, public key, sample query and GenerateQuery operations with boto3, unchanged.

Usage: boto3_insights_organization_scenario.py ENDPOINT MGMT_KEY MEMBER_KEY PROMPT
MGMT_KEY and MEMBER_KEY are access keys the fake maps to an organization's management and member accounts; PROMPT is a
prompt the fake has registered for GenerateQuery. Prints what it saw as one JSON object; the C# test asserts on it.
"""
import json
import sys

try:
    import boto3

    def make_client(endpoint, key):
        return boto3.client("cloudtrail", endpoint_url=endpoint, aws_access_key_id=key, aws_secret_access_key="fake-secret")
except ImportError:
    import botocore.session

    def make_client(endpoint, key):
        return botocore.session.get_session().create_client(
            "cloudtrail", endpoint_url=endpoint, aws_access_key_id=key, aws_secret_access_key="fake-secret")

endpoint, management_key, member_key, prompt = sys.argv[1:5]
management = make_client(endpoint, management_key)
member = make_client(endpoint, member_key)


def error_code(call):
    try:
        call()
    except management.exceptions.ClientError as e:
        return e.response["Error"]["Code"]
    return None


out = {"errors": {}}
errors = out["errors"]

# Insights: the fake's own calls are the metric; seeded insight events are the data.
trail = management.create_trail(Name="org-trail", S3BucketName="bucket", IsOrganizationTrail=True, IsMultiRegionTrail=True)
for _ in range(3):
    management.list_trails()
metric = management.list_insights_metric_data(
    EventSource="cloudtrail.amazonaws.com", EventName="ListTrails", InsightType="ApiCallRateInsight", Period=60, DataType="NonZeroData")
out["metricTotal"] = sum(metric["Values"])
errors["period"] = error_code(lambda: management.list_insights_metric_data(
    EventSource="cloudtrail.amazonaws.com", EventName="ListTrails", InsightType="ApiCallRateInsight", Period=120))
errors["noErrorCode"] = error_code(lambda: management.list_insights_metric_data(
    EventSource="cloudtrail.amazonaws.com", EventName="ListTrails", InsightType="ApiErrorRateInsight"))
insights = management.list_insights_data(InsightSource=trail["TrailARN"], DataType="InsightsEvents", MaxResults=1)
out["insightPage"] = [e["EventName"] for e in insights["Events"]]
out["insightHasNext"] = "NextToken" in insights
errors["badSource"] = error_code(lambda: management.list_insights_data(InsightSource="arn:aws:cloudtrail:us-east-1:111111111111:trail/none", DataType="InsightsEvents"))

# Organization: a member sees the organization trail but cannot change it or manage admins.
errors["memberRegisters"] = error_code(lambda: member.register_organization_delegated_admin(MemberAccountId="111111111111"))
errors["managementAsAdmin"] = error_code(lambda: management.register_organization_delegated_admin(MemberAccountId="111111111111"))
out["memberTrails"] = [t["TrailARN"] for t in member.describe_trails()["trailList"]]
out["trailArn"] = trail["TrailARN"]
errors["memberDeletes"] = error_code(lambda: member.delete_trail(Name=trail["TrailARN"]))
management.register_organization_delegated_admin(MemberAccountId="222222222222")
errors["registeredTwice"] = error_code(lambda: management.register_organization_delegated_admin(MemberAccountId="222222222222"))
management.deregister_organization_delegated_admin(DelegatedAdminAccountId="222222222222")
errors["notRegistered"] = error_code(lambda: management.deregister_organization_delegated_admin(DelegatedAdminAccountId="222222222222"))

# Public keys.
keys = management.list_public_keys()["PublicKeyList"]
out["keys"] = [{"fingerprint": k["Fingerprint"], "bytes": len(k["Value"]), "start": k["ValidityStartTime"].isoformat(), "end": k["ValidityEndTime"].isoformat()} for k in keys]
errors["timeRange"] = error_code(lambda: management.list_public_keys(StartTime="2026-01-02T00:00:00Z", EndTime="2026-01-01T00:00:00Z"))

# Sample queries.
samples = management.search_sample_queries(SearchPhrase="which users were denied access", MaxResults=2)
out["samples"] = [s["Name"] for s in samples["SearchResults"]]
out["sampleHasNext"] = "NextToken" in samples
errors["sampleToken"] = error_code(lambda: management.search_sample_queries(SearchPhrase="errors", NextToken="not-a-token"))

# GenerateQuery.
store = management.create_event_data_store(Name="generated-store")
store_id = store["EventDataStoreArn"].split("/")[-1]
generated = management.generate_query(EventDataStores=[store["EventDataStoreArn"]], Prompt=prompt)
out["generated"] = {"statement": generated["QueryStatement"], "alias": generated["QueryAlias"], "owner": generated["EventDataStoreOwnerAccountId"], "storeId": store_id}
errors["unregisteredPrompt"] = error_code(lambda: management.generate_query(EventDataStores=[store_id], Prompt="something nobody registered"))
errors["unknownStore"] = error_code(lambda: management.generate_query(EventDataStores=["00000000-0000-0000-0000-000000000000"], Prompt=prompt))

print(json.dumps(out))
