#!/usr/bin/env python3
"""A CloudTrail stand-in on 127.0.0.1 that verifies every request's SigV4 signature with botocore's own signer.

Started by the loopback tests (tests/Sdk.Tests/Loopback). Configuration comes from the environment:

  VERIFIER_CREDENTIALS  JSON list of {"accessKey": ..., "secret": ..., "token": null | "..."}: the keys it knows
  VERIFIER_REGION       the region requests must be signed for (default us-east-1)
  VERIFIER_SERVICE      the signing name (default cloudtrail)

It binds a free port and prints it as the first line on stdout. For every POST it rebuilds the request from what it
received (method, path, the headers named in SignedHeaders, the body), signs it with botocore.auth.SigV4Auth at the
request's own X-Amz-Date, and compares the Authorization header botocore produces with the one received. A match is
answered 200 with a canned awsJson body per X-Amz-Target; a mismatch 403 InvalidSignatureException with the canonical
request botocore computed. Every verdict is kept: GET /__results returns them as JSON, and each is logged on stderr.
The process exits when its stdin closes (so it never outlives the test that started it).
"""

import datetime
import hashlib
import json
import os
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

try:
    import botocore
    import botocore.auth as botocore_auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError as error:  # the test reports this line
    sys.stderr.write("botocore is not importable: %s\n" % error)
    sys.exit(3)

# CloudTrail accepts the target with or without the Smithy namespace the SDKs send.
TARGET_PREFIXES = ("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.", "CloudTrail_20131101.")
AUTH_PATTERN = re.compile(
    r"^AWS4-HMAC-SHA256 Credential=(?P<key>[^/]+)/(?P<date>\d{8})/(?P<region>[^/]+)/(?P<service>[^/]+)/aws4_request,"
    r" ?SignedHeaders=(?P<signed>[a-z0-9;_.-]+), ?Signature=(?P<signature>[0-9a-f]{64})$"
)
# Headers every CloudTrail request must sign (x-amz-security-token too, when it is present).
REQUIRED_SIGNED = ("host", "x-amz-date", "x-amz-target", "content-type")
MAX_SKEW = datetime.timedelta(minutes=15)

CREDENTIALS = {c["accessKey"]: c for c in json.loads(os.environ.get("VERIFIER_CREDENTIALS", "[]"))}
REGION = os.environ.get("VERIFIER_REGION", "us-east-1")
SERVICE = os.environ.get("VERIFIER_SERVICE", "cloudtrail")

_results = []
_lock = threading.Lock()  # botocore's clock is patched per verification, so verifications run one at a time


def _pinned_clock(timestamp):
    """botocore.auth.SigV4Auth.add_auth takes its time from botocore.auth.get_current_datetime (botocore 1.43)."""
    return lambda *args, **kwargs: timestamp


def verify(method, path, headers, body):
    """Returns (ok, reason, details). headers: list of (name, value) as received, in order."""
    authorization = [v for n, v in headers if n.lower() == "authorization"]
    if len(authorization) != 1:
        return False, "expected exactly one Authorization header, got %d" % len(authorization), {}
    received = authorization[0]
    match = AUTH_PATTERN.match(received)
    if not match:
        return False, "malformed Authorization header", {"received": received}
    access_key = match.group("key")
    known = CREDENTIALS.get(access_key)
    if known is None:
        return False, "unknown access key %s" % access_key, {"received": received}

    amz_dates = [v for n, v in headers if n.lower() == "x-amz-date"]
    if len(amz_dates) != 1:
        return False, "expected exactly one X-Amz-Date header, got %d" % len(amz_dates), {"received": received}
    try:
        timestamp = datetime.datetime.strptime(amz_dates[0], botocore_auth.SIGV4_TIMESTAMP)
    except ValueError:
        return False, "malformed X-Amz-Date %r" % amz_dates[0], {"received": received}
    skew = abs(datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - timestamp)
    if skew > MAX_SKEW:
        return False, "X-Amz-Date %s is %s away from the server's clock" % (amz_dates[0], skew), {"received": received}

    signed = match.group("signed").split(";")
    required = list(REQUIRED_SIGNED)
    if any(n.lower() == "x-amz-security-token" for n, _ in headers):
        required.append("x-amz-security-token")
    missing = [h for h in required if h not in signed]
    if missing:
        return False, "SignedHeaders lacks %s" % ",".join(missing), {"received": received}

    sha_headers = [v for n, v in headers if n.lower() == "x-amz-content-sha256"]
    if sha_headers and sha_headers[0].strip() != hashlib.sha256(body).hexdigest():
        return False, "X-Amz-Content-Sha256 does not match the body received", {"received": received}

    # The request as botocore would have built it: the signed headers exactly as received (repeated ones in order).
    request = AWSRequest(method=method, url="http://%s%s" % (_header(headers, "host") or "", path), data=body)
    for name, value in headers:
        if name.lower() in signed and name.lower() != "authorization":
            request.headers[name] = value
    absent = [h for h in signed if not any(n.lower() == h for n, _ in headers)]
    if absent:
        return False, "SignedHeaders names headers that were not received: %s" % ",".join(absent), {"received": received}

    signer = botocore_auth.SigV4Auth(Credentials(access_key, known["secret"], known.get("token")), SERVICE, REGION)
    with _lock:
        original = botocore_auth.get_current_datetime
        botocore_auth.get_current_datetime = _pinned_clock(timestamp)
        try:
            # add_auth re-sets X-Amz-Date from the pinned clock and X-Amz-Security-Token from the known credentials,
            # so a token other than the known one, or a different date, changes the signature.
            canonical = signer.canonical_request(_copy(request, signer, timestamp))
            signer.add_auth(request)
        finally:
            botocore_auth.get_current_datetime = original
    expected = request.headers["Authorization"]
    details = {"expected": expected, "received": received, "canonicalRequest": canonical}
    if expected != received:
        return False, "signature mismatch", details
    return True, "verified", details


def _copy(request, signer, timestamp):
    """The request as add_auth will canonicalize it (for the report), without touching the original."""
    copy = AWSRequest(method=request.method, url=request.url, data=request.data)
    for name, value in request.headers.items():
        copy.headers[name] = value
    copy.context["timestamp"] = timestamp.strftime(botocore_auth.SIGV4_TIMESTAMP)
    signer._modify_request_before_signing(copy)
    return copy


def _header(headers, name):
    for n, v in headers:
        if n.lower() == name:
            return v
    return None


# ---------------------------------------------------------------- canned service

TRAILS = [
    {"TrailARN": "arn:aws:cloudtrail:%s:123456789012:trail/%s" % (REGION, name), "Name": name, "HomeRegion": REGION}
    for name in ("audit-trail", "security-trail")
]
PAGES = {None: ("tok-page-2", 1), "tok-page-2": ("tok-page-3", 4), "tok-page-3": (None, 7)}
BASE_TIME = 1_700_000_000


def lookup_events(request):
    token = request.get("NextToken")
    if token not in PAGES:
        return 400, {"__type": "InvalidNextTokenException", "message": "unknown token %r" % token}
    next_token, first = PAGES[token]
    attributes = request.get("LookupAttributes") or []
    echoed = attributes[0].get("AttributeValue") if attributes else None
    events = []
    for number in range(first, first + 3):
        events.append({
            "EventId": "event-%02d" % number,
            "EventName": "ConsoleLogin",
            "EventSource": "signin.amazonaws.com",
            "EventTime": BASE_TIME - number * 60,
            "Username": echoed if echoed is not None else "user-%02d" % number,
            "CloudTrailEvent": json.dumps({"eventID": "event-%02d" % number}),
        })
    body = {"Events": events}
    if next_token is not None:
        body["NextToken"] = next_token
    return 200, body


def respond(target, request):
    operation = next((target[len(p):] for p in TARGET_PREFIXES if target.startswith(p)), None)
    if operation is None:
        return 400, {"__type": "UnknownOperationException", "message": "unknown X-Amz-Target %r" % target}
    if operation == "ListTrails":
        return 200, {"Trails": TRAILS}
    if operation == "LookupEvents":
        return lookup_events(request)
    return 200, {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "botocore-verifier"

    def log_message(self, format, *args):  # the per-request verdict line replaces the access log
        pass

    def _send(self, status, body, request_id):
        payload = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("x-amzn-RequestId", request_id)
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self):
        if self.path == "/__results":
            with _lock:
                snapshot = list(_results)
            self._send(200, {"botocore": botocore.__version__, "results": snapshot}, "results")
        else:
            self._send(404, {"__type": "UnknownOperationException", "message": "GET " + self.path}, "none")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = list(self.headers.items())
        target = self.headers.get("X-Amz-Target") or ""
        try:
            ok, reason, details = verify("POST", self.path, headers, body)
        except Exception as error:  # a bug here must fail the test, not hang it
            ok, reason, details = False, "verifier error: %r" % error, {}
        with _lock:
            index = len(_results)
            record = {"index": index, "target": target, "ok": ok, "reason": reason}
            record.update(details)
            record["rawBody"] = body.decode("utf-8", "replace")
            record["nonAsciiBytes"] = any(b >= 0x80 for b in body)
            try:
                record["body"] = json.loads(body.decode("utf-8")) if body else None
            except ValueError:
                record["body"] = None
            _results.append(record)
        sys.stderr.write("verifier #%d %s %s: %s\n" % (index, target, "OK" if ok else "MISMATCH", reason))
        sys.stderr.flush()
        request_id = "verifier-%d" % index
        if not ok:
            message = reason
            if "canonicalRequest" in details:
                message += ("\nexpected Authorization: %s\nreceived Authorization: %s\nbotocore canonical request:\n%s"
                            % (details["expected"], details["received"], details["canonicalRequest"]))
            self._send(403, {"__type": "InvalidSignatureException", "message": message}, request_id)
            return
        status, response = respond(target, record["body"] or {})
        self._send(status, response, request_id)


def _exit_when_stdin_closes(server):
    try:
        while sys.stdin.buffer.read(4096):
            pass
    except Exception:
        pass
    os._exit(0)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    sys.stdout.write("%d\n" % server.server_address[1])
    sys.stdout.flush()
    threading.Thread(target=_exit_when_stdin_closes, args=(server,), daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
