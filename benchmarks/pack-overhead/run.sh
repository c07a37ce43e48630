#!/usr/bin/env bash
# What the release manifest adds to `dotnet pack` of the sample (samples/OrdersApi), alternated in one run:
#   manifest     ReleasePolicy as shipped (Audit mode): gates, dependency check, release-notes check, the manifest;
#   no-manifest  the same with -p:ReleaseManifestEnabled=false (no manifest and no sidecars in the package);
#   no-sdk       a copy of the sample without its <Sdk Name="ReleasePolicy.Sdk" /> line.
# Each run is a pack whose build is up to date (one warm-up pack first), so the times are the packing and the
# release checks, not the compile. Prints medians, ratios against no-sdk, and the manifest task's time.
# Usage: benchmarks/pack-overhead/run.sh [runs, default 3]
set -euo pipefail
# The scripts come from this checkout; BENCH_ROOT points them at another one (benchmarks/compare.sh).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="${BENCH_ROOT:-$(cd "$here/.." && pwd)}"
runs="${1:-3}"
. "$here/lib/bench.sh"
work="${BENCH_WORK:-${TMPDIR:-/tmp}/releasepolicy-bench}/pack-overhead"
bench_init "$root"
rm -rf "$work" && mkdir -p "$work"
# One copy per variant: switching ReleaseManifestEnabled in one folder changes the settings the compiler sees
# (a recompile), which is not what is measured here.
for v in manifest no-manifest no-sdk; do
  mkdir -p "$work/$v" && cp -r "$root/samples/OrdersApi" "$work/$v/" && rm -rf "$work/$v/OrdersApi/bin" "$work/$v/OrdersApi/obj"
  bench_nuget_config "$work/$v/OrdersApi"
  sed -i "s#<Sdk Name=\"ReleasePolicy.Sdk\" Version=\"[^\"]*\" />#<Sdk Name=\"ReleasePolicy.Sdk\" Version=\"$bench_version\" />#" "$work/$v/OrdersApi/OrdersApi.csproj"
  dotnet restore "$work/$v/OrdersApi/OrdersApi.csproj" -nologo -v:q >/dev/null
done
sed -i '/<Sdk Name="ReleasePolicy.Sdk"/d' "$work/no-sdk/OrdersApi/OrdersApi.csproj"
declare -A args=([manifest]="" [no-manifest]="-p:ReleaseManifestEnabled=false" [no-sdk]="")

pack() { # variant run
  local log="$work/$1.$2.log" start
  start=$(bench_now)
  # shellcheck disable=SC2086
  dotnet pack "$work/$1/OrdersApi/OrdersApi.csproj" --no-restore -c Release -p:ReleasePolicyMode=Audit ${args[$1]} \
    -o "$work/out-$1" -nologo -v:m -clp:PerformanceSummary > "$log" 2>&1 || { echo "pack $1 failed: $log" >&2; exit 1; }
  bench_elapsed "$start"
}

echo "ReleasePolicy pack overhead (samples/OrdersApi), $(date -u '+%F %H:%M') UTC, $(nproc) cores, SDK $(dotnet --version), $runs alternated runs, build up to date"
for v in manifest no-manifest no-sdk; do pack "$v" 0 >/dev/null; done
declare -A t=()
orders=("manifest no-manifest no-sdk" "no-sdk no-manifest manifest" "no-manifest no-sdk manifest")
for r in $(seq 1 "$runs"); do
  for v in ${orders[$(( (r - 1) % 3 ))]}; do t[$v]+=" $(pack "$v" "$r")"; done
done
for v in manifest no-manifest no-sdk; do
  ratios=""
  for r in $(seq 1 "$runs"); do ratios+=" $(bench_ratio "$(awk -v n="$r" '{ print $n }' <<<"${t[$v]}")" "$(awk -v n="$r" '{ print $n }' <<<"${t[no-sdk]}")")"; done
  task=""; for r in $(seq 1 "$runs"); do task+=" $(bench_task_ms "$work/$v.$r.log" '^GenerateReleaseManifest$')"; done
  printf '%-12s pack median %6.2f s (%s)  ratio to no-sdk x%.3f spread %s  GenerateReleaseManifest task median %d ms\n' "$v" \
    "$(bench_median <<<"${t[$v]}")" "${t[$v]# }" "$(bench_median <<<"$ratios")" "$(bench_spread "$ratios")" "$(bench_median <<<"$task")"
  [ "$v" = no-sdk ] || bench_metric "pack-overhead.$v.over_no_sdk" "$(bench_median <<<"$ratios")"
  [ "$v" = no-sdk ] || bench_metric "pack-overhead.$v.manifest_task_ms" "$(bench_median <<<"$task")"
done
echo "ReleasePolicy tasks of the last 'manifest' pack (ms):"
awk '/Task Performance Summary:/ { inside = 1; next } inside && /Performance Summary:/ { inside = 0 }
     inside && $3 ~ /^(AddReleaseArtifacts|CheckCommitSignature|CheckFlagSources|CheckMigrationScripts|CheckReleaseGates|CheckReleaseNotes|CheckReleasePolicySettings|CollectMigrationScripts|GenerateReleaseManifest|VerifyReleaseDependencies)$/ { printf "  %6d ms  %s\n", $1, $3 }' \
  "$work/manifest.$runs.log" | sort -rn
echo "logs: $work"
