#!/usr/bin/env bash
# What ReleasePolicy costs the compile of a real-sized project, measured as a user builds it: two generated projects
# (a library with no migration framework, and an EF Core project with many scaffolded migrations), each built with
# `dotnet build --no-incremental` with ReleasePolicy on and off, alternated in one run, plus the old error-log route
# (ReleasePolicy off, the compiler's ErrorLog set) for comparison. Prints whole-build and CoreCompile ratios and the
# per-analyzer-assembly times the compiler reports (-p:ReportAnalyzer=true).
# For the migrations project with ReleasePolicy on, BENCH_CPU_PAIRS (default 10; 0 skips it) alternated in-process
# pairs then give the CPU time ReleasePolicy's analyzers add to the .NET analyzers' (bench_analyzer_cpu), which the
# compiler's table cannot: it charges binding a method body to whichever analyzer asks first.
# Usage: benchmarks/compile-cost/run.sh [pairs, default 3] [library files, default 1500] [migrations, default 400]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="${BENCH_ROOT:-$(cd "$here/.." && pwd)}"
pairs="${1:-3}"; files="${2:-1500}"; migrations="${3:-400}"
. "$here/lib/bench.sh"
work="${BENCH_WORK:-${TMPDIR:-/tmp}/releasepolicy-bench}/compile-cost"   # outside the repository: its Directory.Build.props must not apply
bench_init "$root"
rm -rf "$work" && mkdir -p "$work"
version="$bench_version"

project() { # name, extra items
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Sdk Name="ReleasePolicy.Sdk" Version="$version" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  $2
</Project>
XML
  bench_nuget_config "$work/$1"
}

# A library of services, options and error handling: string-heavy code of the kind the .NET analyzers look at.
project Library ""
for i in $(seq 1 "$files"); do
  cat > "$work/Library/Service$i.cs" <<CS
namespace Contoso.Library.Area$((i % 40));

public sealed class Options$i
{
    public string Endpoint { get; set; } = "https://api.example.com/v$i";
    public int Retries { get; set; } = $((i % 5 + 1));
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds($((i % 30 + 5)));
}

public class Service$i
{
    private readonly Options$i _options;
    private readonly List<string> _log = new();

    public Service$i(Options$i options) { _options = options; }

    public string Describe(string name, int count)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("Name is required.", nameof(name));
        var parts = new List<string>();
        for (var n = 0; n < count; n++) parts.Add(name.ToUpper() + ":" + n.ToString());
        _log.Add("described " + name);
        return string.Join(",", parts.Where(p => p.Length > 2).OrderBy(p => p).Select(p => p.Trim()));
    }

    public async Task<int> RetryAsync(Func<Task<int>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await action(); }
            catch (InvalidOperationException ex) when (attempt < _options.Retries)
            {
                _log.Add(string.Format("attempt {0} failed: {1}", attempt, ex.Message));
                await Task.Delay(_options.Timeout / 10);
            }
        }
    }

    public Dictionary<string, int> Count(IEnumerable<string> words)
    {
        var counts = new Dictionary<string, int>();
        foreach (var word in words)
        {
            if (counts.ContainsKey(word)) counts[word] = counts[word] + 1; else counts.Add(word, 1);
        }
        return counts;
    }
}
CS
done

# EF Core migrations as `dotnet ef migrations add` scaffolds them: a code file and a Designer part each; one in four
# without Down, one in four with an incomplete Down.
project Migrations '<ItemGroup><PackageReference Include="Microsoft.EntityFrameworkCore.Relational" Version="10.0.15" /></ItemGroup>'
mkdir -p "$work/Migrations/Migrations"
cat > "$work/Migrations/ShopDbContext.cs" <<'CS'
using Microsoft.EntityFrameworkCore;
namespace Contoso.Shop;
public class ShopDbContext(DbContextOptions<ShopDbContext> options) : DbContext(options);
CS
# One entity of a scaffolded model, as BuildTargetModel and BuildModel write it.
entity() {
  cat <<CS

            modelBuilder.Entity("Contoso.Shop.T$1", b =>
                {
                    b.Property<int>("Id")
                        .ValueGeneratedOnAdd()
                        .HasColumnType("int");

                    b.Property<string>("C$1")
                        .HasMaxLength(200)
                        .HasColumnType("nvarchar(200)");

                    b.HasKey("Id");

                    b.HasIndex("C$1");

                    b.ToTable("T$1");
                });
CS
}
for i in $(seq 1 "$migrations"); do
  id="$(printf '2026%010d' "$i")_Change$i"
  case $((i % 4)) in
    0|1) down="            migrationBuilder.DropIndex(name: \"IX_T${i}_C$i\", table: \"T$i\");
            migrationBuilder.DropColumn(name: \"C$i\", table: \"T$i\");
            migrationBuilder.DropTable(name: \"T$i\");" ;;
    3) down="            migrationBuilder.DropTable(name: \"T$i\");" ;;
    2) down="" ;;
  esac
  {
    echo "using Microsoft.EntityFrameworkCore.Migrations;"
    echo ""
    echo "#nullable disable"
    echo ""
    echo "namespace Contoso.Shop.Migrations"
    echo "{"
    echo "    public partial class Change$i : Migration"
    echo "    {"
    echo "        protected override void Up(MigrationBuilder migrationBuilder)"
    echo "        {"
    echo "            migrationBuilder.CreateTable(name: \"T$i\", columns: table => new { Id = table.Column<int>(type: \"int\", nullable: false) }, constraints: table => table.PrimaryKey(\"PK_T$i\", x => x.Id));"
    echo "            migrationBuilder.AddColumn<string>(name: \"C$i\", table: \"T$i\", type: \"nvarchar(200)\", nullable: true);"
    echo "            migrationBuilder.CreateIndex(name: \"IX_T${i}_C$i\", table: \"T$i\", column: \"C$i\");"
    echo "        }"
    if [ -n "$down" ]; then
      echo ""
      echo "        protected override void Down(MigrationBuilder migrationBuilder)"
      echo "        {"
      echo "$down"
      echo "        }"
    fi
    echo "    }"
    echo "}"
  } > "$work/Migrations/Migrations/$id.cs"
  # The Designer part as EF Core scaffolds it: BuildTargetModel describes the model after this migration (here the
  # tables of the last 15 migrations), hundreds of lines that analyzers skipping generated code never bind.
  {
    cat <<CS
// <auto-generated />
using Contoso.Shop;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Contoso.Shop.Migrations
{
    [DbContext(typeof(ShopDbContext))]
    [Migration("$id")]
    partial class Change$i
    {
        /// <inheritdoc />
        protected override void BuildTargetModel(ModelBuilder modelBuilder)
        {
#pragma warning disable 612, 618
            modelBuilder
                .HasAnnotation("ProductVersion", "10.0.15")
                .HasAnnotation("Relational:MaxIdentifierLength", 128);
CS
    first=$(( i > 15 ? i - 14 : 1 ))
    for t in $(seq "$first" "$i"); do entity "$t"; done
    cat <<CS
#pragma warning restore 612, 618
        }
    }
}
CS
  } > "$work/Migrations/Migrations/$id.Designer.cs"
done

# The model snapshot: every table.
{
  cat <<CS
// <auto-generated />
using Contoso.Shop;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

#nullable disable

namespace Contoso.Shop.Migrations
{
    [DbContext(typeof(ShopDbContext))]
    partial class ShopDbContextModelSnapshot : ModelSnapshot
    {
        protected override void BuildModel(ModelBuilder modelBuilder)
        {
#pragma warning disable 612, 618
            modelBuilder
                .HasAnnotation("ProductVersion", "10.0.15")
                .HasAnnotation("Relational:MaxIdentifierLength", 128);
CS
  for t in $(seq 1 "$migrations"); do entity "$t"; done
  cat <<CS
#pragma warning restore 612, 618
        }
    }
}
CS
} > "$work/Migrations/Migrations/ShopDbContextModelSnapshot.cs"

# One build: prints "<wall seconds> <CoreCompile ms> <all analyzers' s> <.NET analyzers' s>" and keeps the log for the
# analyzer table. The analyzer times are what the compiler reports (-p:ReportAnalyzer=true); it charges binding a
# method body to the first analyzer that asks for it, so the total over all analyzers, on against off, is what
# ReleasePolicy really adds (its own line also holds binding the .NET analyzers would otherwise have paid).
build() { # project, label, extra args
  local log="$work/$1.$2.log" start end
  start=$(date +%s.%N)
  dotnet build "$work/$1/$1.csproj" --no-restore --no-incremental -c Debug -nologo -v:d -p:ReportAnalyzer=true -clp:PerformanceSummary "${server[@]}" "${@:3}" > "$log" 2>&1 \
    || { echo "build of $1 ($2) failed: $log" >&2; exit 1; }
  end=$(date +%s.%N)
  local compile analyzers dotnet migration
  compile=$(grep -E '^\s+[0-9]+ ms\s+CoreCompile\s' "$log" | awk '{ s += $1 } END { print s + 0 }')
  analyzers=$(grep -E 'Total analyzer execution time: [0-9.]+ seconds' "$log" | sed -E 's/.*time: ([0-9.]+) seconds.*/\1/' | awk '{ s += $1 } END { print s + 0 }')
  dotnet=$(grep -E '^\s+[0-9.]+\s+[0-9<]+\s+Microsoft\.CodeAnalysis\.(CSharp\.)?NetAnalyzers, Version=' "$log" | awk '{ s += $1 } END { print s + 0 }')
  # The migration analyzers (the inventory writer and the rule analyzers, which stand aside where it runs), "<0.001" as 0.
  migration=$({ grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+ReleasePolicy\.Analyzers\.Migrations\.' "$log" || true; } | awk '{ t = $1; sub(/^</, "", t); if ($1 ~ /^</) t = 0; s += t } END { print s + 0 }')
  awk -v s="$start" -v e="$end" -v c="$compile" -v a="$analyzers" -v n="$dotnet" -v m="$migration" 'BEGIN { printf "%.2f %d %.3f %.3f %.3f\n", e - s, c, a, n, m }'
}

on=(-p:ReleasePolicyEnabled=true -p:ReleasePolicyMode=Audit)
off=(-p:ReleasePolicyEnabled=false)
errorlog=(-p:ReleasePolicyEnabled=false "-p:ErrorLog=obj/compiler.sarif%2Cversion=2.1")

# No shared compiler server by default: every build is a fresh csc that JIT-compiles ReleasePolicy's analyzers (IL;
# the SDK's own analyzers are precompiled), as in a CI job with UseSharedCompilation=false. BENCH_COMPILER_SERVER=1
# builds through the server as `dotnet build` does by default, after a warm-up build of every variant: the analyzers
# are loaded and jitted once per server, as on a developer's machine.
if [ "${BENCH_COMPILER_SERVER:-}" = 1 ]; then
  server=(-p:UseSharedCompilation=true)
  dotnet build-server shutdown >/dev/null 2>&1 || true
else
  server=(-p:UseSharedCompilation=false)
fi
echo "ReleasePolicy compile cost, $(date -u +%F), $(nproc) cores, SDK $(dotnet --version), $pairs alternated pairs, --no-incremental, $([ "${BENCH_COMPILER_SERVER:-}" = 1 ] && echo "warm compiler server" || echo "no compiler server")"
# COMPILE_COST_PROJECTS / COMPILE_COST_VARIANTS narrow the run (say "Migrations" and "on off" for more pairs in the same time).
variants=(${COMPILE_COST_VARIANTS:-on off errorlog})
for name in ${COMPILE_COST_PROJECTS:-Library Migrations}; do
  dotnet restore "$work/$name/$name.csproj" -nologo -v:q >/dev/null
  build "$name" warmup "${on[@]}" >/dev/null
  if [ "${BENCH_COMPILER_SERVER:-}" = 1 ]; then for variant in ${COMPILE_COST_VARIANTS:-on off errorlog}; do declare -n args="$variant"; build "$name" "warmup-$variant" "${args[@]}" >/dev/null; done; fi
  declare -A wall=() compile=() analyzers=() dotnet=() migration=() ratio=()
  for p in $(seq 1 "$pairs"); do
    # Alternate the order within each pair as well, so neither variant always runs on a warmer machine.
    order=("${variants[@]}")
    if [ $((p % 2)) -eq 0 ]; then order=(); for ((v = ${#variants[@]} - 1; v >= 0; v--)); do order+=("${variants[v]}"); done; fi
    for variant in "${order[@]}"; do
      declare -n args="$variant"
      read -r w c a n m < <(build "$name" "$variant" "${args[@]}")
      wall[$variant]="${wall[$variant]:-} $w"; compile[$variant]="${compile[$variant]:-} $c"
      analyzers[$variant]="${analyzers[$variant]:-} $a"; dotnet[$variant]="${dotnet[$variant]:-} $n"
      migration[$variant]="${migration[$variant]:-} $m"; ratio[$variant]="${ratio[$variant]:-} $(bench_ratio "$m" "$n")"
    done
  done
  median() { bench_median; }
  count=$([ "$name" = Library ] && echo "$files files, no migration framework" || echo "$migrations EF Core migrations")
  echo
  echo "== $name ($count)"
  for variant in "${variants[@]}"; do
    printf '%-9s whole build median %6.2f s (%s)   CoreCompile median %6.0f ms (%s)   all analyzers median %6.3f s (%s)\n' "$variant" \
      "$(median <<<"${wall[$variant]}")" "${wall[$variant]# }" "$(median <<<"${compile[$variant]}")" "${compile[$variant]# }" \
      "$(median <<<"${analyzers[$variant]}")" "${analyzers[$variant]# }"
  done
  # Issue 9's metric, per "on" build: the migration analyzers' seconds against the .NET analyzers' in the same table.
  if [ -n "${migration[on]:-}" ] && [ "$name" = Migrations ]; then
    printf 'migration analyzers (on): %s s against the .NET analyzers %s s; per build %s, median %.3f (target 0.05)\n' \
      "${migration[on]# }" "${dotnet[on]# }" "${ratio[on]# }" "$(median <<<"${ratio[on]}")"
  fi
  # The ratios need both variants (COMPILE_COST_VARIANTS="on" alone only profiles the analyzers).
  if [ -n "${wall[on]:-}" ] && [ -n "${wall[off]:-}" ]; then
    awk -v a="$(median <<<"${wall[on]}")" -v b="$(median <<<"${wall[off]}")" -v c="$(median <<<"${compile[on]}")" -v d="$(median <<<"${compile[off]}")" \
        'BEGIN { printf "ratio on/off: whole build x%.3f, CoreCompile x%.3f\n", a / b, c / d }'
    if [ -n "${wall[errorlog]:-}" ]; then
      awk -v e="$(median <<<"${wall[errorlog]}")" -v f="$(median <<<"${compile[errorlog]}")" -v b="$(median <<<"${wall[off]}")" -v d="$(median <<<"${compile[off]}")" \
        'BEGIN { printf "old error-log route, errorlog/off: whole build x%.3f, CoreCompile x%.3f\n", e / b, f / d }'
    fi
    awk -v a="$(median <<<"${analyzers[on]}")" -v b="$(median <<<"${analyzers[off]}")" -v n="$(median <<<"${dotnet[off]}")" \
        'BEGIN { printf "analyzer time added by ReleasePolicy (all analyzers, on - off, medians): %+.3f s = %+.1f%% of the .NET analyzers (%.3f s off)\n", a - b, (n > 0 ? 100 * (a - b) / n : 0), n }'
  fi
  echo "analyzer assemblies (last 'on' build, seconds as the compiler reports them):"
  # Every assembly line of every table the compiler printed (the analyzers and, separately, the inventory writer),
  # summed per assembly; with -v:d the lines are indented, so they are found by their ', Version=' column.
  grep -E '^\s+[0-9.]+\s+[0-9<]+\s+[A-Za-z][^ ]*, Version=' "$work/$name.on.log" \
    | sed -E 's/, Version=.*//' | awk '{ t[$3] += $1 } END { for (a in t) printf "  %8.3f s  %s\n", t[a], a }' | sort -rn || true
  grep -E 'Total (analyzer|generator) execution time' "$work/$name.on.log" | sed -E 's/^\s+/  /' | sort -u || true
  sed -n '/Total generator execution time/,/^\s*$/p' "$work/$name.on.log" | grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+ReleasePolicy[^ ]*, Version=' | sed -E 's/, Version=[^ ]*//; s/^\s+/  generator: /' | sort -u || true
done
cpu_pairs="${BENCH_CPU_PAIRS:-10}"
if [ "$cpu_pairs" -gt 0 ] && [ -f "$work/Migrations.on.log" ]; then
  echo
  echo "== Migrations: CPU time ReleasePolicy's analyzers add to the .NET analyzers, in-process, $cpu_pairs alternated pairs"
  # One more "on" build first: the replay reads the analyzer config files that build leaves in obj/.
  build Migrations cpu "${on[@]}" >/dev/null
  bench_cpu_metric="compile-cost.migrations.analyzer_cpu_with_over_without" bench_analyzer_cpu "$work/Migrations.cpu.log" "$work/Migrations" "$cpu_pairs"
fi
