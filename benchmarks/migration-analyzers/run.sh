#!/usr/bin/env bash
# Measures the ReleasePolicy migration analyzers on a large compilation, the way a user would see it:
# a real `dotnet build -p:ReportAnalyzer=true` of a generated project with N EF Core-style migrations
# (half reversible, a quarter without Down, a quarter with an incomplete Down), against the analyzers just built,
# configured as the SDK configures a command-line build (Audit preset, the migration inventory writer on).
# Usage: benchmarks/migration-analyzers/run.sh [migration count, default 2000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
count="${1:-2000}"
work="${TMPDIR:-/tmp}/releasepolicy-bench/migration-analyzers"  # outside the repository: its Directory.Build.props must not apply
rm -rf "$work" && mkdir -p "$work/Migrations"

dotnet build "$root/src/ReleasePolicy.Analyzers.Inventory/ReleasePolicy.Analyzers.Inventory.csproj" -c Release -nologo -v:q >/dev/null
analyzer="$root/src/ReleasePolicy.Analyzers/bin/Release/netstandard2.0/ReleasePolicy.Analyzers.dll"
inventory="$root/src/ReleasePolicy.Analyzers.Inventory/bin/Release/netstandard2.0/ReleasePolicy.Analyzers.Inventory.dll"
printf 'is_global = true\nrelease_policy.migration_inventory_file = %s\n' "$work/migration-inventory.txt" > "$work/inventory.globalconfig"

cat > "$work/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <!-- Findings are expected (that is the point); a suppressed rule would not run at all, so none is suppressed. -->
  </PropertyGroup>
  <ItemGroup>
    <!-- As the SDK configures a command-line build of a migrations project: the rules, the inventory writer, the Audit preset. -->
    <Analyzer Include="$analyzer;$inventory" />
    <EditorConfigFiles Include="$root/src/ReleasePolicy.Sdk/build/ReleasePolicy.Audit.globalconfig;$work/inventory.globalconfig" />
  </ItemGroup>
</Project>
XML
cat > "$work/MigrationApi.cs" <<'CS'
namespace Microsoft.EntityFrameworkCore.Migrations
{
    public class MigrationBuilder
    {
        public void CreateTable(string name, object? columns = null) { }
        public void DropTable(string name) { }
        public void AddColumn<T>(string name, string table, bool nullable = true) { }
        public void DropColumn(string name, string table) { }
        public void CreateIndex(string name, string table, string column) { }
        public void DropIndex(string name, string table) { }
        public void Sql(string sql) { }
    }

    public abstract class Migration
    {
        protected abstract void Up(MigrationBuilder migrationBuilder);
        protected virtual void Down(MigrationBuilder migrationBuilder) { }
    }
}
CS
for i in $(seq 1 "$count"); do
  case $((i % 4)) in
    0|1) down="        migrationBuilder.DropIndex(\"IX_T$i\", \"T$i\");
        migrationBuilder.DropColumn(\"C$i\", \"T$i\");
        migrationBuilder.DropTable(\"T$i\");" ;;
    2) down="" ;;
    3) down="        migrationBuilder.DropTable(\"T$i\");" ;;
  esac
  {
    echo "using Microsoft.EntityFrameworkCore.Migrations;"
    echo "namespace Bench.Migrations;"
    echo "public class M$i : Migration"
    echo "{"
    echo "    protected override void Up(MigrationBuilder migrationBuilder)"
    echo "    {"
    echo "        migrationBuilder.CreateTable(\"T$i\");"
    echo "        migrationBuilder.AddColumn<string>(\"C$i\", \"T$i\");"
    echo "        migrationBuilder.CreateIndex(\"IX_T$i\", \"T$i\", \"C$i\");"
    echo "        migrationBuilder.Sql(\"UPDATE T$i SET C$i = 'x' WHERE Id > 0\");"
    echo "    }"
    if [ $((i % 4)) -ne 2 ]; then
      echo "    protected override void Down(MigrationBuilder migrationBuilder)"
      echo "    {"
      echo "$down"
      echo "        migrationBuilder.Sql(\"UPDATE T$i SET C$i = NULL WHERE Id > 0\");"
      echo "    }"
    fi
    echo "}"
  } > "$work/Migrations/M$i.cs"
done

cd "$work"
dotnet restore -nologo -v:q >/dev/null
dotnet build --no-restore -nologo -v:d -p:ReportAnalyzer=true -p:UseSharedCompilation=false > build.log 2>&1
echo "ReleasePolicy migration analyzers, $count migrations ($(date -u +%F), $(nproc) cores):"
# The compiler prints a table: total analyzer time, then one line per assembly and per analyzer.
grep -v "csc /noconfig" build.log | grep -E "Total analyzer execution time|ReleasePolicy" | sed -E 's/^\s+//' | sort -u
grep -E "^Time Elapsed" build.log
