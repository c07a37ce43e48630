#!/usr/bin/env bash
# What ReleasePolicy's analyzers cost on a large, realistic compilation, against the SDK's built-in analyzers: a
# generated ASP.NET Core web project (benchmarks/lib/generate-webapp.sh: controllers, minimal APIs, services with DI,
# EF Core DbContext and scaffolded migrations with Designer parts, Microsoft.FeatureManagement checks and [FeatureGate],
# string-heavy error handling, logging and ProblemDetails) compiled against the real packages, built
# `dotnet build --no-incremental -p:ReportAnalyzer=true -bl` in three variants alternated within each pair (the order
# rotated every pair):
#   on    ReleasePolicy as shipped (Audit mode): the rules, and the migration and flag inventories (the project
#         references EF Core and a flag library);
#   pack  the same plus the leak inventory, which a real build writes only under pack and publish
#         (-p:ReleaseLeakInventory=true: the compile of `dotnet pack` without the packing);
#   off   ReleasePolicyEnabled=false.
# Prints per-analyzer times (medians over the pairs), ReleasePolicy's total, the built-in .NET analyzers' total
# (Microsoft.CodeAnalysis.NetAnalyzers + CSharp.NetAnalyzers) and every other analyzer's, and the ratios with
# their spread (min..max over the pairs).
# Usage: benchmarks/analyzer-cost/run.sh [pairs, default 3] [files, default 2000] [variants, default "on pack off"]
#   ("on off" skips the pack variant: a third fewer builds on a busy machine).
# BENCH_CPU_PAIRS (default 5; 0 skips it) then replays the "on" compile in-process and reports the CPU time
# ReleasePolicy's analyzers add to the .NET analyzers' (bench_analyzer_cpu: the compiler's table above charges shared
# binding to whichever analyzer asks first; CPU time does not); BENCH_CPU_TYPES narrows it to some analyzer types
# (say 'Flags\.' for the flag rules and the flag inventory).
# BENCH_COMPILER_SERVER=1 builds as `dotnet build` does by default, through the shared compiler server, after one
# warm-up build of every variant: the analyzers are loaded and jitted once per server, as in an inner loop or a CI
# job that builds several projects. Without it (the default) every build starts a fresh compiler, which pays the
# JIT of every analyzer that is not precompiled (the SDK's own analyzers are ReadyToRun images; ReleasePolicy's are IL).
set -euo pipefail
# The scripts come from this checkout; BENCH_ROOT points them at another one (benchmarks/compare.sh).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="${BENCH_ROOT:-$(cd "$here/.." && pwd)}"
pairs="${1:-3}"; files="${2:-2000}"; read -r -a variants <<<"${3:-on pack off}"
. "$here/lib/bench.sh"
. "$here/lib/generate-webapp.sh"
work="${BENCH_WORK:-${TMPDIR:-/tmp}/releasepolicy-bench}/analyzer-cost"   # outside the repository
bench_init "$root"
rm -rf "$work" && mkdir -p "$work"
units=$(( (files - 6 + 9) / 10 ))
gen_webapp "$work/WebApp" WebApp "$units" "$bench_version"
bench_nuget_config "$work/WebApp"
sources=$(find "$work/WebApp" -name '*.cs' | wc -l)
dotnet restore "$work/WebApp/WebApp.csproj" -nologo -v:q >/dev/null

on=(-p:ReleasePolicyEnabled=true -p:ReleasePolicyMode=Audit)
pack=(-p:ReleasePolicyEnabled=true -p:ReleasePolicyMode=Audit -p:ReleaseLeakInventory=true)
off=(-p:ReleasePolicyEnabled=false)

# build LABEL RUN ARGS...: one build; prints its wall seconds and keeps LABEL.RUN.log/.binlog.
build() {
  local log="$work/$1.$2.log" start
  start=$(bench_now)
  # $server: no shared compiler server by default (other builds on the machine neither share nor warm this one's compiler).
  dotnet build "$work/WebApp/WebApp.csproj" --no-restore --no-incremental -c Debug -nologo -v:d -p:ReportAnalyzer=true \
    "${server[@]}" -clp:PerformanceSummary "-bl:$work/$1.$2.binlog" "${@:3}" > "$log" 2>&1 \
    || { echo "build $1 ($2) failed: $log" >&2; exit 1; }
  bench_elapsed "$start"
}

echo "ReleasePolicy analyzer cost, $(date -u '+%F %H:%M') UTC, $(nproc) cores, SDK $(dotnet --version), $sources C# files ($units domain units), $pairs alternated pairs, --no-incremental, $([ "${BENCH_COMPILER_SERVER:-}" = 1 ] && echo "warm compiler server" || echo "no compiler server")"
if [ "${BENCH_COMPILER_SERVER:-}" = 1 ]; then
  server=(-p:UseSharedCompilation=true)
  dotnet build-server shutdown >/dev/null 2>&1 || true
  for variant in "${variants[@]}"; do declare -n args="$variant"; build "warmup-$variant" 0 "${args[@]}" >/dev/null; done
else
  server=(-p:UseSharedCompilation=false)
  build warmup 0 "${on[@]}" >/dev/null
fi
declare -A wall=()
for p in $(seq 1 "$pairs"); do
  # Rotate the order every pair, so no variant always runs first (on a cooler or a busier machine).
  order=("${variants[@]:$(( (p - 1) % ${#variants[@]} ))}" "${variants[@]:0:$(( (p - 1) % ${#variants[@]} ))}")
  for variant in "${order[@]}"; do
    declare -n args="$variant"
    w=$(build "$variant" "$p" "${args[@]}")
    wall[$variant]="${wall[$variant]:-} $w"
    bench_analyzer_times "$work/$variant.$p.log" > "$work/$variant.$p.times"
  done
done

# Per pair: ReleasePolicy's analyzers (rules + inventory writer), the .NET analyzers, all other analyzers; ratios.
builtin_re='^Microsoft\.CodeAnalysis\.(CSharp\.)?NetAnalyzers$'
all_analyzers() { awk -F'\t' '$2 == "analyzer" && $4 == "-" { s += $1 } END { printf "%.3f\n", s }' "$1"; }
report() { # variant
  local v="$1" p rp builtin other rps="" builtins="" others="" ratios="" allratios="" wholes=""
  for p in $(seq 1 "$pairs"); do
    rp=$(bench_sum_times "$work/$v.$p.times" analyzer '^ReleasePolicy\.')
    builtin=$(bench_sum_times "$work/$v.$p.times" analyzer "$builtin_re")
    other=$(awk -F'\t' '$2 == "analyzer" && $4 == "-" && $3 !~ /^ReleasePolicy\./ { s += $1 } END { printf "%.3f", s }' "$work/$v.$p.times")
    rps+=" $rp"; builtins+=" $builtin"; others+=" $other"
    ratios+=" $(bench_ratio "$rp" "$builtin")"; allratios+=" $(bench_ratio "$rp" "$other")"
    [ -n "${wall[off]:-}" ] && wholes+=" $(bench_ratio "$(awk -v n="$p" '{ print $n }' <<<"${wall[$v]}")" "$(awk -v n="$p" '{ print $n }' <<<"${wall[off]}")")"
  done
  echo
  echo "== $v: ReleasePolicy analyzers, median of $pairs builds (each build's seconds in brackets)"
  for p in $(seq 1 "$pairs"); do cat "$work/$v.$p.times"; done \
    | awk -F'\t' '$2 == "analyzer" && $3 ~ /^ReleasePolicy\./ { print $3 "\t" $4 "\t" $1 }' \
    | awk -F'\t' '{ k = $1 "\t" $2; v[k] = v[k] " " $3 } END { for (k in v) print k "\t" v[k] }' \
    | while IFS=$'\t' read -r asm type times; do
        printf '  %8.3f s  %-70s (%s)\n' "$(bench_median <<<"$times")" "$([ "$type" = - ] && echo "[$asm total]" || echo "${type#ReleasePolicy.Analyzers.}")" "${times# }"
      done | sort -k1,1gr
  printf '  ReleasePolicy total          %7.3f s  (%s)\n' "$(bench_median <<<"$rps")" "${rps# }"
  printf '  .NET analyzers (CA, built-in) %6.3f s  (%s)\n' "$(bench_median <<<"$builtins")" "${builtins# }"
  printf '  all other analyzers          %7.3f s  (%s)\n' "$(bench_median <<<"$others")" "${others# }"
  printf '  ratio ReleasePolicy / .NET analyzers   median %.3f  spread %s\n' "$(bench_median <<<"$ratios")" "$(bench_spread "$ratios")"
  printf '  ratio ReleasePolicy / all other analyzers  median %.3f  spread %s\n' "$(bench_median <<<"$allratios")" "$(bench_spread "$allratios")"
  [ -n "${wall[off]:-}" ] || { echo "  (no \"off\" variant: no whole-build ratio)"; bench_metric "analyzer-cost.$v.releasepolicy_over_dotnet_analyzers" "$(bench_median <<<"$ratios")"; return; }
  printf '  whole build %s/off   per pair (%s)  median x%.3f  spread %s\n' "$v" "${wholes# }" "$(bench_median <<<"$wholes")" "$(bench_spread "$wholes")"
  # The compiler charges binding a method body to the first analyzer that asks for it, so ReleasePolicy's own line
  # also holds binding the .NET analyzers would otherwise pay; what ReleasePolicy adds to the compile is the total
  # of all analyzers with it against without it.
  local all_v all_off builtin_off
  all_v=$(for p in $(seq 1 "$pairs"); do all_analyzers "$work/$v.$p.times"; done | bench_median)
  all_off=$(for p in $(seq 1 "$pairs"); do all_analyzers "$work/off.$p.times"; done | bench_median)
  builtin_off=$(for p in $(seq 1 "$pairs"); do bench_sum_times "$work/off.$p.times" analyzer "$builtin_re"; echo; done | bench_median)
  awk -v a="$all_v" -v b="$all_off" -v n="$builtin_off" -v v="$v" \
    'BEGIN { printf "  all analyzers %s %.3f s, off %.3f s: ReleasePolicy adds %+.3f s = %.3f of the .NET analyzers (%.3f s off)\n", v, a, b, a - b, (n > 0 ? (a - b) / n : 0), n }'
  bench_metric "analyzer-cost.$v.releasepolicy_analyzers_s" "$(bench_median <<<"$rps")"
  bench_metric "analyzer-cost.$v.releasepolicy_over_dotnet_analyzers" "$(bench_median <<<"$ratios")"
  bench_metric "analyzer-cost.$v.whole_build_over_off" "$(bench_median <<<"$wholes")"
}
echo
for v in "${variants[@]}"; do printf 'whole build %-4s median %7.2f s (%s)\n' "$v" "$(bench_median <<<"${wall[$v]}")" "${wall[$v]# }"; done
for v in "${variants[@]}"; do [ "$v" = off ] || report "$v"; done
cpu_pairs="${BENCH_CPU_PAIRS:-5}"
if [ "$cpu_pairs" -gt 0 ] && [[ " ${variants[*]} " == *" on "* ]]; then
  echo
  echo "== on: CPU time ReleasePolicy's analyzers${BENCH_CPU_TYPES:+ ($BENCH_CPU_TYPES)} add to the .NET analyzers, in-process, $cpu_pairs alternated pairs"
  # One more "on" build first: the replay reads the analyzer config files that build leaves in obj/ (an "off" build
  # since then removed ReleasePolicy's).
  build cpu 0 "${on[@]}" >/dev/null
  bench_cpu_metric="analyzer-cost.on.analyzer_cpu_with_over_without" bench_analyzer_cpu "$work/cpu.0.log" "$work/WebApp" "$cpu_pairs" "${BENCH_CPU_TYPES:-}"
fi
echo
echo "logs and binlogs: $work"
