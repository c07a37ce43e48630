#!/usr/bin/env bash
# Time of the SQL script check in a real `dotnet build` of a tiny project with N generated Flyway scripts
# (N/2 forward/rollback pairs), through the packed SDK, for a folder item and for a glob item.
# Prints MSBuild's performance summary lines for ReleasePolicy's targets and the CheckMigrationScripts task.
# Usage: benchmarks/migration-scripts/run.sh [N ...]   (default: 5000 10000 20000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sizes=("${@:-5000 10000 20000}")
[ "$#" -gt 0 ] || sizes=(5000 10000 20000)
version="0.1.0-bench.$(date +%s)"
work="${TMPDIR:-/tmp}/releasepolicy-bench/migration-scripts"
rm -rf "$work" && mkdir -p "$work"
# A unique version and a private package folder, so an older pack in the NuGet cache is never measured.
"$root/build/pack.sh" -p:Version="$version" >/dev/null
export NUGET_PACKAGES="$work/nuget-packages"

project() {
  local dir="$1" include="$2"
  mkdir -p "$dir"
  cat > "$dir/nuget.config" <<XML
<configuration><packageSources><clear /><add key="bench" value="$root/artifacts/packages" /></packageSources></configuration>
XML
  cat > "$dir/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Sdk Name="ReleasePolicy.Sdk" Version="$version" />
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><ReleaseMigrationScripts Include="$include" /></ItemGroup>
</Project>
XML
}

scripts() {
  local dir="$1" n="$2"
  mkdir -p "$dir/db"
  (cd "$dir/db" && for i in $(seq 1 $((n / 2))); do
    echo "CREATE TABLE t$i (id int);" > "V${i}__change_$i.sql"
    echo "DROP TABLE t$i;" > "U${i}__change_$i.sql"
  done)
}

for n in "${sizes[@]}"; do
  for shape in folder glob; do
    dir="$work/$shape-$n"
    if [ "$shape" = folder ]; then project "$dir" "db"; else project "$dir" "db/**/*.sql"; fi
    scripts "$dir" "$n"
    (cd "$dir" && dotnet restore -nologo -v:q >/dev/null)
    start=$(date +%s.%N)
    (cd "$dir" && dotnet build --no-restore -nologo -v:q -clp:PerformanceSummary > build.log 2>&1) || { tail -20 "$dir/build.log"; exit 1; }
    end=$(date +%s.%N)
    awk -v n="$n" -v s="$shape" -v t="$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" \
      'BEGIN { printf "== %d scripts, %s item: whole build %.1f s\n", n, s, t }'
    grep -E "ms +(_?ReleasePolicy[A-Za-z]*|CheckReleaseMigrationScripts|CheckMigrationScripts|CollectMigrationScripts|WriteLinesToFile) +[0-9]+ calls" "$dir/build.log" | sed 's/^ */   /' || true
  done
done
