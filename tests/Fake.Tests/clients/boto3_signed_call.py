"""Makes one signed call (ListTrails) with boto3 and prints the error code, or "ok": for checks of signature verification.

Usage: boto3_signed_call.py ENDPOINT. Credentials and region come from the environment.
"""
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
from botocore.exceptions import ClientError

client = make_client(sys.argv[1])
try:
    client.list_trails()
    print("ok")
except ClientError as e:
    print(e.response["Error"]["Code"])
