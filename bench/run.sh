#!/usr/bin/env bash
# One command for every benchmark, short jobs: BenchmarkDotNet suites, wrk against the standalone fake, and analyzer
# time on 500 call sites. BenchmarkDotNet's markdown tables land in bench/results/latest/ with the machine described.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results/latest
artifacts=bench/BenchmarkDotNet.Artifacts
mkdir -p "$out"

{
  echo "# Latest short-job run"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- .NET SDK: $(dotnet --version)"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/MACHINE.md"

dotnet run -c Release --project bench/CloudTrailSdk.Benchmarks -- --generator-check
dotnet run -c Release --project bench/CloudTrailSdk.Benchmarks -- --filter '*' --job short --artifacts "$artifacts"
cp "$artifacts"/results/*-report-github.md "$out"/

bench/wrk/run.sh | tee "$out/wrk.txt"
bench/analyzers/run.sh | tee "$out/analyzers.txt"
echo "Tables in $out/; the curated write-ups with verdicts are in bench/results/*.md."
