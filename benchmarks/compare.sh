#!/usr/bin/env bash
# Compares two commits' benchmark results as ratios (B/A), since the machines are noisy and absolute times are not
# comparable from one day to the next. Each commit is checked out in a temporary worktree; the suites run from THIS
# checkout's benchmarks/ (so both commits are measured the same way) against each worktree's sources, alternated
# A, B, then B, A, ... for the given number of rounds. Every metric is "lower is better"; a ratio above 1.10 is
# flagged as a regression.
# Suites: analyzer-cost, build-overhead, pack-overhead (the scripts beside this one, with small default sizes here),
# micro (BenchmarkDotNet: this checkout's benchmarks/ReleasePolicy.Benchmarks copied into each worktree, ShortRun,
# median time and allocated bytes per benchmark). Default: micro.
# Usage: benchmarks/compare.sh <commitA> <commitB> [suite ...]
#   BENCH_ROUNDS (default 1), BENCH_FILES (analyzer-cost files, default 500), BENCH_PAIRS (pairs per suite run,
#   default 2), BENCH_FILTER (micro filter, default '*').
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
[ $# -ge 2 ] || { sed -n '2,13p' "$0"; exit 2; }
a="$(git -C "$repo" rev-parse --verify "$1^{commit}")"; b="$(git -C "$repo" rev-parse --verify "$2^{commit}")"
shift 2
suites=("$@"); [ ${#suites[@]} -gt 0 ] || suites=(micro)
rounds="${BENCH_ROUNDS:-1}"; files="${BENCH_FILES:-500}"; pairs="${BENCH_PAIRS:-2}"; filter="${BENCH_FILTER:-*}"
tmp="${TMPDIR:-/tmp}/releasepolicy-compare"
# One package folder for both (the SDK is removed from it and restored from the commit's own pack before each run).
export BENCH_NUGET_PACKAGES="$repo/artifacts/bench-nuget-packages"
mkdir -p "$tmp"

declare -A tree=()
for side in A B; do
  commit=$([ "$side" = A ] && echo "$a" || echo "$b")
  tree[$side]="$tmp/$side"
  git -C "$repo" worktree remove --force "${tree[$side]}" 2>/dev/null || rm -rf "${tree[$side]}"
  git -C "$repo" worktree add --detach "${tree[$side]}" "$commit" >/dev/null 2>&1
  rm -f "$tmp/$side.metrics"
done
cleanup() { for side in A B; do git -C "$repo" worktree remove --force "${tree[$side]}" 2>/dev/null || true; done; }
trap cleanup EXIT

run_micro() { # side
  local t="${tree[$1]}" results
  rm -rf "$t/benchmarks/ReleasePolicy.Benchmarks" && cp -r "$here/ReleasePolicy.Benchmarks" "$t/benchmarks/"
  rm -rf "$t/benchmarks/ReleasePolicy.Benchmarks/bin" "$t/benchmarks/ReleasePolicy.Benchmarks/obj" "$t/benchmarks/ReleasePolicy.Benchmarks/BenchmarkDotNet.Artifacts"
  if ! dotnet build "$t/benchmarks/ReleasePolicy.Benchmarks" -c Release -nologo -v:q > "$tmp/$1.micro-build.log" 2>&1; then
    # This checkout's benchmarks need an API the commit does not have: fall back to the commit's own benchmarks (the
    # metrics both have are still compared; the others are listed as "only one").
    echo "  $1: this checkout's benchmarks do not build against ${t##*/}'s sources ($tmp/$1.micro-build.log); using the commit's own" >&2
    rm -rf "$t/benchmarks/ReleasePolicy.Benchmarks" && git -C "$t" checkout -q -- benchmarks/ReleasePolicy.Benchmarks
  fi
  (cd "$t/benchmarks/ReleasePolicy.Benchmarks" && dotnet run -c Release -- --job short --filter "$filter" --exporters json > "$tmp/$1.micro.log" 2>&1) \
    || { echo "micro benchmarks of $1 failed: $tmp/$1.micro.log" >&2; return 1; }
  results="$t/benchmarks/ReleasePolicy.Benchmarks/BenchmarkDotNet.Artifacts/results"
  for f in "$results"/*-report-full-compressed.json "$results"/*-report-full.json "$results"/*-report.json; do
    [ -e "$f" ] || continue
    jq -r '.Benchmarks[] | select(.Statistics != null)
           | "micro.\(.Type).\(.Method)\(if (.Parameters // "") != "" then "(" + .Parameters + ")" else "" end)" as $n
           | "\($n).median_ns\t\(.Statistics.Median)", "\($n).allocated_bytes\t\(.Memory.BytesAllocatedPerOperation // 0)"' "$f"
  done | sort -u >> "$tmp/$1.metrics"
}

run_suite() { # suite side
  local t="${tree[$2]}"
  case "$1" in
    micro) run_micro "$2" ;;
    analyzer-cost|build-overhead|pack-overhead)
      local args=("$pairs"); [ "$1" = analyzer-cost ] && args+=("$files")
      BENCH_ROOT="$t" BENCH_WORK="$tmp/work-$2" BENCH_METRICS="$tmp/$2.metrics" "$here/$1/run.sh" "${args[@]}" > "$tmp/$2.$1.log" 2>&1 \
        || { echo "$1 of $2 failed: $tmp/$2.$1.log" >&2; return 1; } ;;
    *) echo "unknown suite: $1 (analyzer-cost, build-overhead, pack-overhead, micro)" >&2; return 2 ;;
  esac
}

echo "Comparing A=${a:0:12} and B=${b:0:12}: ${suites[*]}, $rounds round(s), $(date -u '+%F %H:%M') UTC, $(nproc) cores"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then order=(A B); else order=(B A); fi
  for s in "${suites[@]}"; do for side in "${order[@]}"; do echo "  round $r: $s on $side"; run_suite "$s" "$side"; done; done
done

# Median per metric and side over the rounds, then B/A.
median_of() { awk -F'\t' -v m="$2" '$1 == m { print $2 }' "$1" | sort -g | awk '{ a[NR] = $1 } END { if (NR) print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo
printf '%-78s %14s %14s %8s\n' metric A B B/A
regressions=0
for m in $(cut -f1 "$tmp/A.metrics" "$tmp/B.metrics" | sort -u); do
  va=$(median_of "$tmp/A.metrics" "$m"); vb=$(median_of "$tmp/B.metrics" "$m")
  if [ -z "$va" ] || [ -z "$vb" ]; then printf '%-78s %14s %14s %8s\n' "$m" "${va:--}" "${vb:--}" "only one"; continue; fi
  ratio=$(awk -v a="$va" -v b="$vb" 'BEGIN { if (a == 0) print (b == 0 ? "1.000" : "inf"); else printf "%.3f", b / a }')
  flag=""; if [ "$ratio" = inf ] || awk -v r="$ratio" 'BEGIN { exit !(r > 1.10) }'; then flag="  REGRESSION (>10%)"; regressions=$((regressions + 1)); fi
  printf '%-78s %14s %14s %8s%s\n' "$m" "$va" "$vb" "$ratio" "$flag"
done
echo
echo "$regressions metric(s) more than 10% worse in B; logs in $tmp"
