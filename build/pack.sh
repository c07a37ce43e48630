#!/usr/bin/env bash
# Packs ReleasePolicy.Sdk and ReleasePolicy.Analyzers into artifacts/packages.
# Usage: build/pack.sh [extra dotnet pack arguments, e.g. -p:Version=0.1.0-dev.1]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts/packages"
mkdir -p "$out"
for project in src/ReleasePolicy.Sdk/ReleasePolicy.Sdk.csproj src/ReleasePolicy.Analyzers.Package/ReleasePolicy.Analyzers.Package.csproj; do
  dotnet pack "$root/$project" -c Release -o "$out" -nologo -v:minimal "$@"
done
