#!/usr/bin/env bash
# Requests/s of the standalone fake (sdk/Fake.Tool, Release) under wrk on loopback, for GetEventSelectors (on a trail
# created first) and LookupEvents (pages of 50 from a seeded store). Unsigned requests: the fake accepts them unless it
# is started with --access-key. Usage, from anywhere:
#
#   bench/wrk/run.sh                      # wrk -t2 -c32 -d10s per operation
#   THREADS=2 CONNECTIONS=32 DURATION=10s SEED_EVENTS=5000 bench/wrk/run.sh
#
# Installs wrk (Debian package) if missing. Prints one "RESULT op req/s" line per operation at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/bench/wrk"
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
SEED_EVENTS=${SEED_EVENTS:-5000}

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (apt-get)..."
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi

echo "building sdk/Fake.Tool (Release)..."
for attempt in 1 2 3; do
  # Others may be building the same projects: retry on file locks.
  if dotnet build -c Release "$ROOT/sdk/Fake.Tool/CloudTrailSdk.Fake.Tool.csproj" -nologo -v:q >/tmp/wrk-build.$$ 2>&1; then break; fi
  if [ "$attempt" -eq 3 ]; then cat /tmp/wrk-build.$$; exit 1; fi
  sleep 5
done
rm -f /tmp/wrk-build.$$

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

NEWEST=$(python3 "$HERE/make_seed.py" "$SEED_EVENTS" "$WORK/seed.json")
dotnet "$ROOT/sdk/Fake.Tool/bin/Release/net10.0/cloudtrail-fake.dll" --urls http://127.0.0.1:0 --seed "$WORK/seed.json" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
URL=
for _ in $(seq 1 100); do
  URL=$(sed -n 's/^Listening on \(http[^ ]*\).*/\1/p' "$WORK/server.log" | head -n1)
  [ -n "$URL" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 0.1
done
[ -n "$URL" ] || { echo "the fake did not start"; cat "$WORK/server.log"; exit 1; }
echo "fake listening on $URL (seeded with $SEED_EVENTS events)"

call() { # call OP BODY: one request, fails on a non-200
  curl -sS -f -X POST "$URL/" -H 'Content-Type: application/x-amz-json-1.1' \
    -H "X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.$1" -d "$2"
}

call CreateTrail '{"Name":"bench-trail","S3BucketName":"bench-bucket"}' >/dev/null
SELECTORS_BODY='{"TrailName":"bench-trail"}'
# EndTime just after the newest seeded event: pages come from the seeded store only, never from the calls being made.
LOOKUP_BODY="{\"MaxResults\":50,\"EndTime\":$((NEWEST + 1))}"
call GetEventSelectors "$SELECTORS_BODY" >/dev/null
PAGE_BYTES=$(call LookupEvents "$LOOKUP_BODY" | wc -c)
echo "LookupEvents page: $PAGE_BYTES bytes"

# NoSuchOperation: the envelope floor. The fake answers UnknownOperationException (400) before any operation runs and
# records nothing, so it measures Kestrel, the bridge and the envelope alone: the ceiling for any operation.
OPS="GetEventSelectors LookupEvents NoSuchOperation"
declare -A RESULT
for op in $OPS; do
  body=$SELECTORS_BODY; status=200
  [ "$op" = LookupEvents ] && body=$LOOKUP_BODY
  [ "$op" = NoSuchOperation ] && status=400
  echo
  echo "== $op: warm-up ($WARMUP), then wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency =="
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/post.lua" "$URL/" -- "$op" "$body" "$status" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/post.lua" "$URL/" -- "$op" "$body" "$status" | tee "$WORK/$op.txt"
  RESULT[$op]=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/$op.txt")
  echo "server RSS: $(awk '/VmRSS/ {print $2, $3}' /proc/$SERVER_PID/status)"
done

echo
for op in $OPS; do
  echo "RESULT $op ${RESULT[$op]} req/s"
done
