#!/usr/bin/env python3
"""Writes a CloudTrail log file ({"Records":[...]}) of N synthetic management events (~1.8 KB each) for the fake's --seed.

Usage: make_seed.py COUNT OUT.json. Prints the newest event's time as epoch seconds (an hour ago): LookupEvents requests
bounded by it see only seeded events, not the calls the benchmark itself makes (the fake records every call).
"""
import json
import random
import sys
import time

count, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20241122)
newest = int(time.time()) - 3600
span = 60 * 86400
names = ["GetObject", "PutObject", "DescribeInstances", "AssumeRole", "PutBucketPolicy", "ListBuckets", "CreateTags"]
records = []
for i in range(count):
    t = newest - span + (span * i // max(1, count - 1))
    user = "user-%d" % rng.randrange(200)
    key = "AKIA%016d" % rng.randrange(10**8)
    bucket = "bench-bucket-%d" % rng.randrange(10000)
    records.append({
        "eventVersion": "1.09",
        "userIdentity": {"type": "IAMUser", "principalId": "AIDA" + key[4:], "arn": "arn:aws:iam::123456789012:user/" + user,
                         "accountId": "123456789012", "accessKeyId": key, "userName": user},
        "eventTime": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t)),
        "eventSource": "s3.amazonaws.com",
        "eventName": rng.choice(names),
        "awsRegion": "us-east-1",
        "sourceIPAddress": "198.51.100.%d" % rng.randrange(256),
        "userAgent": "aws-sdk-dotnet/4.0 benchmark",
        "requestParameters": {"bucketName": bucket, "Host": "s3.us-east-1.amazonaws.com", "padding": "x" * 900},
        "responseElements": None,
        "requestID": "%016X" % rng.getrandbits(64),
        "eventID": "%08x-%04x-4%03x-a%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12), rng.getrandbits(12), i),
        "readOnly": False,
        "resources": [{"accountId": "123456789012", "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::" + bucket}],
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": "123456789012",
        "eventCategory": "Management",
    })
with open(out, "w") as f:
    json.dump({"Records": records}, f, separators=(",", ":"))
print(newest)
