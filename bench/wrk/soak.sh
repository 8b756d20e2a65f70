#!/usr/bin/env bash
# Soak of the standalone fake (sdk/Fake.Tool, Release): wrk at full speed for SOAK (default 10m) on GetEventSelectors,
# every call of which the fake records as an event, while the server's RSS is sampled every SAMPLE seconds. Before the
# soak, DescribeTrails and GetEventSelectors run for RATE_DURATION each on a fresh server, for their ratio. Usage:
#
#   bench/wrk/soak.sh                       # 10 minutes, default --max-events
#   SOAK=60s MAX_EVENTS=50000 bench/wrk/soak.sh
#
# Prints "RATE op req/s" lines, one "RSS seconds MB" line per sample, and "PLATEAU ..." at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/bench/wrk"
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
SOAK=${SOAK:-10m}
RATE_DURATION=${RATE_DURATION:-15s}
SAMPLE=${SAMPLE:-10}
MAX_EVENTS=${MAX_EVENTS:-}

command -v wrk >/dev/null 2>&1 || { echo "installing wrk (apt-get)..."; apt-get install -y wrk >/dev/null; }
dotnet build -c Release "$ROOT/sdk/Fake.Tool/CloudTrailSdk.Fake.Tool.csproj" -nologo -v:q >/dev/null
DLL="$ROOT/sdk/Fake.Tool/bin/Release/net10.0/cloudtrail-fake.dll"

WORK=$(mktemp -d)
SERVER_PID=
stop_server() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; fi; }
trap 'stop_server; rm -rf "$WORK"' EXIT

start_server() {
  : >"$WORK/server.log"
  dotnet "$DLL" --urls http://127.0.0.1:0 ${MAX_EVENTS:+--max-events "$MAX_EVENTS"} >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  URL=
  for _ in $(seq 1 100); do
    URL=$(sed -n 's/^Listening on \(http[^ ]*\).*/\1/p' "$WORK/server.log" | head -n1)
    [ -n "$URL" ] && break
    sleep 0.1
  done
  [ -n "$URL" ] || { cat "$WORK/server.log"; exit 1; }
  curl -sS -f -X POST "$URL/" -H 'Content-Type: application/x-amz-json-1.1' \
    -H "X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.CreateTrail" \
    -d '{"Name":"bench-trail","S3BucketName":"bench-bucket"}' >/dev/null
}

rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2/1024}' "/proc/$SERVER_PID/status"; }

wrk_rate() { # wrk_rate OP BODY DURATION
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" -s "$HERE/post.lua" "$URL/" -- "$1" "$2" | awk '/^Requests\/sec:/ {print $2}'
}

start_server
wrk_rate DescribeTrails '{}' 3s >/dev/null
wrk_rate GetEventSelectors '{"TrailName":"bench-trail"}' 3s >/dev/null
describe=$(wrk_rate DescribeTrails '{}' "$RATE_DURATION")
selectors=$(wrk_rate GetEventSelectors '{"TrailName":"bench-trail"}' "$RATE_DURATION")
echo "RATE DescribeTrails $describe"
echo "RATE GetEventSelectors $selectors"
awk -v a="$selectors" -v b="$describe" 'BEGIN { printf "RATIO GetEventSelectors/DescribeTrails %.2f\n", a / b }'
stop_server

start_server
echo "RSS 0 $(rss_mb)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$SOAK" -s "$HERE/post.lua" "$URL/" -- GetEventSelectors '{"TrailName":"bench-trail"}' >"$WORK/soak.txt" &
WRK_PID=$!
start=$(date +%s)
max=0
while kill -0 "$WRK_PID" 2>/dev/null; do
  sleep "$SAMPLE"
  mb=$(rss_mb)
  [ "$mb" -gt "$max" ] && max=$mb
  echo "RSS $(( $(date +%s) - start )) $mb"
done
wait "$WRK_PID" || true
cat "$WORK/soak.txt"
echo "PLATEAU max RSS ${max} MB; final $(rss_mb) MB"
