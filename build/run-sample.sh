#!/usr/bin/env bash
# The main job: pack the SDK into artifacts/packages, then `dotnet pack` the sample service with it and show the policy
# findings and the release manifest it wrote.
#
# The sample breaks the policy on purpose (see samples/OrdersApi/README.md). It is packed in Audit mode so the findings
# are warnings and the manifest is still written; `--enforce` packs it the way a Release pipeline would, where the same
# findings are errors and the pack fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode=Audit
[ "${1:-}" = "--enforce" ] && mode=Enforce

mkdir -p "$root/artifacts"
echo "== Packing ReleasePolicy.Sdk and ReleasePolicy.Analyzers into artifacts/packages"
"$root/build/pack.sh" > "$root/artifacts/pack.log" 2>&1 || { cat "$root/artifacts/pack.log"; echo "build/pack.sh failed"; exit 1; }

# A private package folder for the sample, so the SDK just packed is always the one restored (same version, new bits).
export NUGET_PACKAGES="$root/artifacts/sample-nuget-packages"
rm -rf "$NUGET_PACKAGES/releasepolicy.sdk" "$NUGET_PACKAGES/releasepolicy.analyzers"

sample="$root/samples/OrdersApi"
out="$root/artifacts/sample"
log="$root/artifacts/sample-pack.log"
rm -rf "$out" "$sample/obj" "$sample/bin"
echo
echo "== dotnet pack samples/OrdersApi (ReleasePolicyMode=$mode)"
status=0
dotnet pack "$sample/OrdersApi.csproj" -c Release -o "$out" -nologo -p:ReleasePolicyMode=$mode -clp:NoSummary >"$log" 2>&1 || status=$?

echo
echo "== Policy findings"
grep -oE '[^ ]*: (warning|error|message) RP[0-9]{4}: .*\[' "$log" | sed -e "s#$root/##" -e 's/ \[$//' | sort -u || echo "(none)"
echo
if [ $status -ne 0 ]; then
  echo "dotnet pack failed (exit $status); full log: ${log#$root/}"
  grep -E 'error [A-Z]+[0-9]+' "$log" | grep -vE 'error RP[0-9]{4}' | sed "s#$root/##" | sort -u || true
  exit $status
fi
echo "== Policy summary"
grep -oE 'ReleasePolicy: .*' "$log" | sed "s#$root/##" | sort -u
echo
manifest="$(ls "$out"/*.release.json)"
echo "== Release manifest: ${manifest#$root/} (also inside the .nupkg at releasepolicy/release-manifest.json)"
cat "$manifest"
