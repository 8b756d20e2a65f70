#!/usr/bin/env bash
# Analyzer time in a generated project with CALLS (default 500) CloudTrail SDK call sites. Creates a temporary console
# project (outside the repository, so no Directory.Build.props applies) referencing sdk/CloudTrail and the Release build
# of analyzers/CloudTrailSdk.Analyzers (as an Analyzer, as the package ships it), generates the call sites
# (bench/analyzers/gen_calls.py), builds once to warm up, then, for each compiler MODE, RUNS (default 9) recompiles with
# our analyzer alternating with RUNS without it, each with -p:ReportAnalyzer=true -v:d. Prints our analyzer's time, all
# analyzers' time and the Csc task time per run, and medians.
#
# MODES (default "server fresh"):
#   server  the shared compiler server (VBCSCompiler), as `dotnet build` uses it on a developer's machine: the
#           compiler and our analyzer stay loaded and compiled between builds.
#   fresh   a new compiler process per build (UseSharedCompilation=false, as this machine's environment sets and many
#           CI setups do): the analyzer is loaded and just-in-time compiled again on every build.
#
#   bench/analyzers/run.sh            # CALLS=500 RUNS=9 MODES="server fresh"
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CALLS=${CALLS:-500}
RUNS=${RUNS:-9}
MODES=${MODES:-server fresh}
CONFIGURATION=${CONFIGURATION:-Debug}
WORK=$(mktemp -d /tmp/ctsdk-analyzer-bench.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT

cat >"$WORK/AnalyzerBench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <NoWarn>\$(NoWarn);CS1998</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$ROOT/sdk/CloudTrail/CloudTrailSdk.csproj" />
    <ProjectReference Include="$ROOT/analyzers/CloudTrailSdk.Analyzers/CloudTrailSdk.Analyzers.csproj" SetConfiguration="Configuration=Release"
                      OutputItemType="Analyzer" ReferenceOutputAssembly="false" Condition="'\$(WithSdkAnalyzer)' != 'false'" />
  </ItemGroup>
</Project>
XML
cat >"$WORK/Program.cs" <<'CS'
namespace AnalyzerBench;

public static class Program
{
    public static void Main() => System.Console.WriteLine(typeof(Calls).FullName);
}
CS
python3 "$ROOT/bench/analyzers/gen_calls.py" "$CALLS" "$WORK/Calls.cs"
echo "project: $WORK ($CALLS call sites, $(wc -l <"$WORK/Calls.cs") lines in Calls.cs), $CONFIGURATION"

# First build: restore, build the referenced projects (retried: others may be building them), warm the compiler server.
for attempt in 1 2 3; do
  if dotnet build "$WORK/AnalyzerBench.csproj" -c "$CONFIGURATION" -nologo -v:q >"$WORK/first.log" 2>&1; then break; fi
  if [ "$attempt" -eq 3 ]; then cat "$WORK/first.log"; exit 1; fi
  sleep 5
done

measure() { # measure LABEL WITH_ANALYZER SHARED: one recompile of the project alone; prints "ours total csc" in seconds
  touch "$WORK/Calls.cs"
  dotnet build "$WORK/AnalyzerBench.csproj" -c "$CONFIGURATION" -nologo --no-restore -p:BuildProjectReferences=false \
    -p:WithSdkAnalyzer="$2" -p:UseSharedCompilation="$3" -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary >"$WORK/$1.log" 2>&1 || { tail -50 "$WORK/$1.log"; exit 1; }
  if grep -qE "(warning|error) CTSDK0" "$WORK/$1.log"; then
    echo "unexpected CTSDK diagnostics:" >&2; grep -E "(warning|error) CTSDK0" "$WORK/$1.log" | head >&2; exit 1
  fi
  # The compiler's -reportanalyzer summary: "Total analyzer execution time: N seconds." then one line per assembly,
  # "   0.123   45   CloudTrailSdk.Analyzers, Version=...". The performance summary ends with "  1234 ms  Csc  1 calls".
  local total ours csc
  total=$(grep -m1 -oE "Total analyzer execution time: [0-9.]+" "$WORK/$1.log" | awk '{print $NF}' || true)
  ours=$(grep -E "^\s+[0-9.<]+\s+[0-9]+\s+CloudTrailSdk\.Analyzers, " "$WORK/$1.log" | head -n1 | awk '{print $1}' || true)
  csc=$(grep -E "^\s+[0-9]+ ms\s+Csc\s+[0-9]+ calls" "$WORK/$1.log" | tail -n1 | awk '{print $1/1000}' || true)
  echo "${ours:-0} ${total:-0} ${csc:-0}"
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for mode in $MODES; do
  case "$mode" in
    server) shared=true ;;
    fresh) shared=false ;;
    *) echo "unknown mode '$mode' in MODES (expected server and/or fresh)" >&2; exit 2 ;;
  esac
  # Untimed builds first. In server mode, five with our analyzer: the server loads it and the runtime compiles its hot
  # methods fully after a few builds (tiered compilation), as in an edit-build loop that has been going for a while.
  # In fresh mode one of each, for the disk cache.
  warmups=1; [ "$mode" = server ] && warmups=5
  for w in $(seq 1 "$warmups"); do measure "$mode-warm-$w" true "$shared" >/dev/null; done
  measure "$mode-warm-without" false "$shared" >/dev/null
  echo
  echo "mode $mode (UseSharedCompilation=$shared)"
  printf "%-22s %12s %16s %12s\n" run "ours (s)" "all analyzers (s)" "Csc (s)"
  : >"$WORK/$mode-with.txt"; : >"$WORK/$mode-without.txt"
  for i in $(seq 1 "$RUNS"); do
    read -r ours total csc < <(measure "$mode-with-$i" true "$shared")
    echo "$ours $total $csc" >>"$WORK/$mode-with.txt"
    printf "%-22s %12s %16s %12s\n" "with analyzer #$i" "$ours" "$total" "$csc"
    read -r ours total csc < <(measure "$mode-without-$i" false "$shared")
    echo "$ours $total $csc" >>"$WORK/$mode-without.txt"
    printf "%-22s %12s %16s %12s\n" "without analyzer #$i" "-" "$total" "$csc"
  done

  ours=$(awk '{print $1}' "$WORK/$mode-with.txt" | median)
  total_with=$(awk '{print $2}' "$WORK/$mode-with.txt" | median)
  csc_with=$(awk '{print $3}' "$WORK/$mode-with.txt" | median)
  csc_without=$(awk '{print $3}' "$WORK/$mode-without.txt" | median)
  echo
  echo "analyzer assemblies, and our analyzer's types, in the last $mode run with ours (-reportanalyzer):"
  awk '/Total analyzer execution time/ {on = 1} /Total generator execution time/ {on = 0} on && (/Version=/ || /CloudTrailSdk\.Analyzers\./)' \
    "$WORK/$mode-with-$RUNS.log" | sed 's/^ *//' | awk '!seen[$0]++' | head -20
  echo
  echo "RESULT mode=$mode calls=$CALLS runs=$RUNS ours=${ours}s all-analyzers=${total_with}s csc-with=${csc_with}s csc-without=${csc_without}s" \
    "share-of-csc=$(awk -v a="$ours" -v b="$csc_with" 'BEGIN {printf "%.1f%%", (b > 0 ? 100 * a / b : 0)}')"
done
