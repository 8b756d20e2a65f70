"""Drives the fake's channels, resource policies, federation and event configuration with boto3, unchanged, and prints
what it saw as one JSON object.

Usage: boto3_channels_scenario.py ENDPOINT PREFIX
Credentials and region come from the environment. The C# test asserts on the output (the JS scenario prints the same shape).
"""
import json
import sys

try:
    import boto3

    def make_client(endpoint):
        return boto3.client("cloudtrail", endpoint_url=endpoint)
except ImportError:
    import botocore.session

    def make_client(endpoint):
        return botocore.session.get_session().create_client("cloudtrail", endpoint_url=endpoint)

endpoint, prefix = sys.argv[1], sys.argv[2]
client = make_client(endpoint)


def error_code(call):
    try:
        call()
    except client.exceptions.ClientError as e:
        return e.response["Error"]["Code"]
    return None


out = {}
activity = client.create_event_data_store(
    Name=prefix + "-activity",
    TerminationProtectionEnabled=False,
    AdvancedEventSelectors=[{"FieldSelectors": [{"Field": "eventCategory", "Equals": ["ActivityAuditLog"]}]}],
)["EventDataStoreArn"]
management = client.create_event_data_store(Name=prefix + "-management", TerminationProtectionEnabled=False)["EventDataStoreArn"]

# Channels
channel = client.create_channel(
    Name=prefix + "-channel",
    Source="Custom",
    Destinations=[{"Type": "EVENT_DATA_STORE", "Location": activity}],
    Tags=[{"Key": "team", "Value": "sec"}],
)
arn = channel["ChannelArn"]
got = client.get_channel(Channel=arn)
client.create_channel(Name=prefix + "-second", Source="Custom", Destinations=[{"Type": "EVENT_DATA_STORE", "Location": activity}])
# botocore has no ListChannels paginator: page by hand, one channel a page.
paged, token = [], None
while True:
    page = client.list_channels(MaxResults=1, **({"NextToken": token} if token else {}))
    paged.extend(c["Name"] for c in page["Channels"])
    token = page.get("NextToken")
    if not token:
        break
updated = client.update_channel(Channel=arn, Name=prefix + "-renamed")
client.add_tags(ResourceId=arn, TagsList=[{"Key": "env", "Value": "test"}])
tags = [t["Key"] for t in client.list_tags(ResourceIdList=[arn])["ResourceTagList"][0]["TagsList"]]
out["channels"] = {
    "source": got["Source"],
    "destination": got["Destinations"][0]["Location"] == activity,
    "paged": paged,
    "renamed": updated["Name"],
    "tags": tags,
    "errors": {
        "duplicate": error_code(lambda: client.create_channel(Name=prefix + "-renamed", Source="Custom", Destinations=[{"Type": "EVENT_DATA_STORE", "Location": activity}])),
        "category": error_code(lambda: client.create_channel(Name=prefix + "-wrong", Source="Custom", Destinations=[{"Type": "EVENT_DATA_STORE", "Location": management}])),
        "notFound": error_code(lambda: client.get_channel(Channel=arn.rsplit("/", 1)[0] + "/00000000-0000-0000-0000-000000000000")),
        "badArn": error_code(lambda: client.get_channel(Channel="arn:aws:cloudtrail:us-east-1:1:channel/x")),
        "storeInUse": error_code(lambda: client.delete_event_data_store(EventDataStore=activity)),
    },
}

# Resource policies
policy = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Sid": "ingest", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "cloudtrail-data:PutAuditEvents", "Resource": arn}],
})
put = client.put_resource_policy(ResourceArn=arn, ResourcePolicy=policy)
read = client.get_resource_policy(ResourceArn=arn)["ResourcePolicy"]
client.delete_resource_policy(ResourceArn=arn)
out["policies"] = {
    "same": put["ResourcePolicy"] == policy and read == policy,
    "errors": {
        "gone": error_code(lambda: client.get_resource_policy(ResourceArn=arn)),
        "invalid": error_code(lambda: client.put_resource_policy(ResourceArn=arn, ResourcePolicy='{"Version": "2012-10-17", "Statement": []}')),
        "type": error_code(lambda: client.get_resource_policy(ResourceArn="arn:aws:cloudtrail:us-east-1:123456789012:trail/t")),
        "arn": error_code(lambda: client.get_resource_policy(ResourceArn="not-an-arn")),
    },
}

# Federation
role = "arn:aws:iam::111122223333:role/federation"
enabled = client.enable_federation(EventDataStore=management, FederationRoleArn=role)
out["federation"] = {
    "enable": enabled["FederationStatus"],
    "role": client.get_event_data_store(EventDataStore=management).get("FederationRoleArn"),
    "errors": {
        "again": error_code(lambda: client.enable_federation(EventDataStore=management, FederationRoleArn=role)),
        "badRole": error_code(lambda: client.enable_federation(EventDataStore=activity, FederationRoleArn="arn:aws:iam::111122223333:user/u")),
        "notFound": error_code(lambda: client.disable_federation(EventDataStore="00000000-0000-0000-0000-000000000000")),
    },
}

# Event configuration
default = client.get_event_configuration(EventDataStore=management)
client.put_event_configuration(
    EventDataStore=management,
    MaxEventSize="Large",
    ContextKeySelectors=[{"Type": "RequestContext", "Equals": ["aws:SourceIp"]}],
)
after = client.get_event_configuration(EventDataStore=management)
out["eventConfiguration"] = {
    "default": default["MaxEventSize"],
    "after": after["MaxEventSize"],
    "selectors": [s["Type"] + "=" + ",".join(s["Equals"]) for s in after["ContextKeySelectors"]],
    "errors": {
        "both": error_code(lambda: client.get_event_configuration(TrailName="some-trail", EventDataStore=management)),
        "trail": error_code(lambda: client.get_event_configuration(TrailName="no-such-trail")),
        "category": error_code(lambda: client.put_event_configuration(EventDataStore=activity, MaxEventSize="Large")),
    },
}
print(json.dumps(out))
