#!/usr/bin/env bash
# What the ReleasePolicy SDK adds to ordinary builds: the sample (samples/OrdersApi) and a generated 20-project solution
# (benchmarks/lib/generate-solution.sh: libraries referencing each other, four with EF Core migrations, a flags
# library, one ASP.NET Core web app), each as two identical copies, one with `<Sdk Name="ReleasePolicy.Sdk" />` and one
# without it. Per pair, alternated (order reversed every other pair): a clean build (`--no-incremental`) and then a
# no-change build of each copy, timed, with -clp:PerformanceSummary for ReleasePolicy's own target and task times.
# Targets (issue 15): no-change build <= 1.05x without the SDK; <= +50 ms of ReleasePolicy target time per project.
# Release configuration in Audit mode (the sample breaks the policy on purpose; Enforce would stop its build).
# Usage: benchmarks/build-overhead/run.sh [pairs, default 3] [kinds, default "clean nochange"]
#   ("nochange" alone: one clean build per copy, then only no-change pairs; for a busy machine).
set -euo pipefail
# The scripts come from this checkout; BENCH_ROOT points them at another one (benchmarks/compare.sh).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="${BENCH_ROOT:-$(cd "$here/.." && pwd)}"
pairs="${1:-3}"; read -r -a kinds <<<"${2:-clean nochange}"
. "$here/lib/bench.sh"
. "$here/lib/generate-webapp.sh"
. "$here/lib/generate-solution.sh"
work="${BENCH_WORK:-${TMPDIR:-/tmp}/releasepolicy-bench}/build-overhead"
bench_init "$root"
rm -rf "$work" && mkdir -p "$work"

# The sample, twice; the copy without the SDK loses only its <Sdk> line (its ReleasePolicy items are then inert).
for v in with without; do
  mkdir -p "$work/$v" && cp -r "$root/samples/OrdersApi" "$work/$v/" && rm -rf "$work/$v/OrdersApi/bin" "$work/$v/OrdersApi/obj"
  bench_nuget_config "$work/$v/OrdersApi"
  sed -i "s#<Sdk Name=\"ReleasePolicy.Sdk\" Version=\"[^\"]*\" />#<Sdk Name=\"ReleasePolicy.Sdk\" Version=\"$bench_version\" />#" "$work/$v/OrdersApi/OrdersApi.csproj"
done
sed -i '/<Sdk Name="ReleasePolicy.Sdk"/d' "$work/without/OrdersApi/OrdersApi.csproj"
gen_solution "$work/with/Solution" "$bench_version"
gen_solution "$work/without/Solution" ""
bench_nuget_config "$work/with/Solution"; bench_nuget_config "$work/without/Solution"
rp_tasks='^(AddReleaseArtifacts|CheckCommitSignature|CheckFlagSources|CheckMigrationScripts|CheckReleaseGates|CheckReleaseNotes|CheckReleasePolicySettings|CollectMigrationScripts|GenerateReleaseManifest|VerifyReleaseDependencies)$'
# ReleasePolicy's targets: every target the SDK's targets files define (some are public names such as
# CheckReleaseMigrationScripts), except _ReleasePolicyRunProjectChecks: it only calls the MSBuild task on its own
# project, so its time is inclusive (the called targets, counted on their own here, and, under -m, whatever the
# node built while the task yielded).
rp_targets="^($(grep -oh 'Target Name="[^"]*"' "$root"/src/ReleasePolicy.Sdk/build/*.targets | sed 's/Target Name="//; s/"$//' \
  | grep -vx '_ReleasePolicyRunProjectChecks' | sort -u | paste -sd'|'))\$"

declare -A target=([OrdersApi]="OrdersApi/OrdersApi.csproj" [Solution]="Solution/Contoso.slnx")
declare -A projects=([OrdersApi]=1 [Solution]=20)
for v in with without; do for s in OrdersApi Solution; do dotnet restore "$work/$v/${target[$s]}" -nologo -v:q >/dev/null; done; done

# build VARIANT SUBJECT KIND RUN [args]: prints wall seconds; the log keeps the performance summary.
build() {
  local log="$work/$2.$1.$3.$4.log" start
  start=$(bench_now)
  dotnet build "$work/$1/${target[$2]}" --no-restore -c Release -p:ReleasePolicyMode=Audit -nologo -v:m -clp:PerformanceSummary "${@:5}" > "$log" 2>&1 \
    || { echo "build failed: $log" >&2; exit 1; }
  bench_elapsed "$start"
}

echo "ReleasePolicy build overhead, $(date -u '+%F %H:%M') UTC, $(nproc) cores, SDK $(dotnet --version), $pairs alternated pairs"
declare -A t=()
for s in OrdersApi Solution; do
  build with "$s" warmup 0 --no-incremental >/dev/null; build without "$s" warmup 0 --no-incremental >/dev/null
  for p in $(seq 1 "$pairs"); do
    if [ $((p % 2)) -eq 1 ]; then order=(with without); else order=(without with); fi
    for v in "${order[@]}"; do
      for kind in "${kinds[@]}"; do
        if [ "$kind" = clean ]; then t[$s.$v.clean]+=" $(build "$v" "$s" clean "$p" --no-incremental)"; else t[$s.$v.nochange]+=" $(build "$v" "$s" nochange "$p")"; fi
      done
    done
  done
done

for s in OrdersApi Solution; do
  n=${projects[$s]}
  echo
  echo "== $s ($n project(s))"
  for kind in "${kinds[@]}"; do
    ratios=""
    for p in $(seq 1 "$pairs"); do
      ratios+=" $(bench_ratio "$(awk -v n="$p" '{ print $n }' <<<"${t[$s.with.$kind]}")" "$(awk -v n="$p" '{ print $n }' <<<"${t[$s.without.$kind]}")")"
    done
    tms=""; kms=""
    for p in $(seq 1 "$pairs"); do
      tms+=" $(bench_target_ms "$work/$s.with.$kind.$p.log" "$rp_targets")"
      kms+=" $(bench_task_ms "$work/$s.with.$kind.$p.log" "$rp_tasks")"
    done
    printf '  %-9s with SDK median %6.2f s (%s)   without %6.2f s (%s)\n' "$kind" \
      "$(bench_median <<<"${t[$s.with.$kind]}")" "${t[$s.with.$kind]# }" "$(bench_median <<<"${t[$s.without.$kind]}")" "${t[$s.without.$kind]# }"
    printf '  %-9s ratio with/without median x%.3f  spread %s\n' "$kind" "$(bench_median <<<"$ratios")" "$(bench_spread "$ratios")"
    printf '  %-9s ReleasePolicy targets median %d ms (%s) = %.1f ms per project;  ReleasePolicy tasks median %d ms (%s)\n' "$kind" \
      "$(bench_median <<<"$tms")" "${tms# }" "$(awk -v a="$(bench_median <<<"$tms")" -v n="$n" 'BEGIN { print a / n }')" "$(bench_median <<<"$kms")" "${kms# }"
    bench_metric "build-overhead.$s.$kind.with_over_without" "$(bench_median <<<"$ratios")"
    bench_metric "build-overhead.$s.$kind.releasepolicy_target_ms_per_project" "$(awk -v a="$(bench_median <<<"$tms")" -v n="$n" 'BEGIN { print a / n }')"
  done
  echo "  ReleasePolicy targets of the last no-change build with the SDK (ms, summed over projects; _ReleasePolicyRunProjectChecks is inclusive, not in the sums above):"
  awk -v re="$rp_targets|^_ReleasePolicyRunProjectChecks\$" '/Target Performance Summary:/ { inside = 1; next } inside && /Performance Summary:/ { inside = 0 }
       inside && $3 ~ re { printf "    %6d ms  %s (%s calls)\n", $1, $3, $4 }' "$work/$s.with.${kinds[-1]}.$pairs.log" | sort -rn | head -12
done
echo
echo "logs: $work"
