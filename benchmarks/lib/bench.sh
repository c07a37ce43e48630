# Shared helpers for the benchmark scripts (source it: `. "$root/benchmarks/lib/bench.sh"`).
# Every script measures as a user builds: the packed SDK (build/pack.sh) from artifacts/packages, restored into a
# package folder under artifacts/ so the user's cache is neither used nor changed, projects generated outside the
# repository (its Directory.Build.props must not apply).

# bench_init ROOT: packs the SDK (unless BENCH_NO_PACK=1), points NuGet at artifacts/bench-nuget-packages and sets
# $bench_version (the SDK version to reference).
bench_init() {
  bench_root="$1"
  [ "${BENCH_NO_PACK:-}" = 1 ] || "$bench_root/build/pack.sh" >/dev/null
  export NUGET_PACKAGES="${BENCH_NUGET_PACKAGES:-$bench_root/artifacts/bench-nuget-packages}"
  # The SDK is restored afresh: the same version number may hold other bits than last time.
  rm -rf "$NUGET_PACKAGES/releasepolicy.sdk" "$NUGET_PACKAGES/releasepolicy.analyzers"
  bench_version="$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$bench_root/Directory.Build.props" | head -1)"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
}

# bench_nuget_config DIR: a NuGet.config taking ReleasePolicy from artifacts/packages and the rest from nuget.org.
bench_nuget_config() {
  cat > "$1/NuGet.config" <<XML
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$bench_root/artifacts/packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
}

# Reads numbers (one per line or space-separated) on stdin.
bench_median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print 0; else print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
bench_min() { tr ' ' '\n' | grep -v '^$' | sort -g | head -1; }
bench_max() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -1; }
# bench_ratio A B [format]: A / B (0 when B is 0).
bench_ratio() { awk -v a="$1" -v b="$2" -v f="${3:-%.3f}" 'BEGIN { if (b == 0) print 0; else printf f "\n", a / b }'; }
# bench_spread "r1 r2 r3": "min..max" of a list of ratios.
bench_spread() { printf '%s..%s' "$(bench_min <<<"$1")" "$(bench_max <<<"$1")"; }

bench_now() { date +%s.%N; }
bench_elapsed() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.3f\n", e - s }'; }

# bench_analyzer_times LOG: the tables the compiler prints with -p:ReportAnalyzer=true in a -v:d (or higher) text log,
# one line per analyzer assembly and per analyzer type: "<seconds>\t<table>\t<assembly>\t<type>", table "analyzer" or
# "generator", type "-" on the assembly's own line (its total). Tables of several compilations are summed per name.
bench_analyzer_times() {
  awk '
    /Total analyzer execution time/ { table = "analyzer"; next }
    /Total generator execution time/ { table = "generator"; next }
    table == "" { next }
    /^[[:space:]]*$/ || /Time \(s\)/ || /NOTE: Elapsed time/ { next }
    match($0, /^[[:space:]]*<?[0-9.]+[[:space:]]+<?[0-9]+[[:space:]]+/) {
      seconds = $1; sub(/^</, "", seconds); rest = substr($0, RLENGTH + 1); sub(/[[:space:]]+$/, "", rest)
      if (rest ~ /, Version=/) { sub(/, Version=.*/, "", rest); assembly = rest; type = "-" }
      else { type = rest; sub(/ \(.*$/, "", type) }
      t[table "\t" assembly "\t" type] += seconds; next
    }
    { table = "" }
    END { for (k in t) printf "%.3f\t%s\n", t[k], k }' "$1" | sort -t$'\t' -k1,1gr
}

# bench_sum_times TIMES TABLE ASSEMBLY-REGEX: the seconds of the assembly lines of TABLE whose name matches.
bench_sum_times() { awk -F'\t' -v t="$2" -v re="$3" '$2 == t && $4 == "-" && $3 ~ re { s += $1 } END { printf "%.3f\n", s }' "$1"; }

# bench_target_ms LOG REGEX: milliseconds of the targets (in -clp:PerformanceSummary's "Target Performance Summary")
# whose name matches REGEX, summed; bench_task_ms the same for "Task Performance Summary".
bench_target_ms() { _bench_summary_ms "$1" "Target Performance Summary" "$2"; }
bench_task_ms() { _bench_summary_ms "$1" "Task Performance Summary" "$2"; }
_bench_summary_ms() {
  awk -v section="$2" -v re="$3" '
    index($0, section ":") { inside = 1; next }
    inside && /Performance Summary:/ { inside = 0 }
    inside && match($0, /^[[:space:]]*[0-9]+ ms[[:space:]]+[^ ]+/) { if ($3 ~ re) s += $1 }
    END { print s + 0 }' "$1"
}

# bench_metric NAME VALUE: records one result for benchmarks/compare.sh (lower is better for every metric) when
# BENCH_METRICS names a file.
bench_metric() { [ -z "${BENCH_METRICS:-}" ] || printf '%s\t%s\n' "$1" "$2" >> "$BENCH_METRICS"; }

# bench_analyzer_cpu LOG DIR PAIRS [TYPES-REGEX]: the CPU time ReleasePolicy's analyzers add to the .NET analyzers on
# the compilation of LOG (a -v:d build log of the project in DIR, with ReleasePolicy on), replayed in-process by
# benchmarks/AnalyzerProfile --against: the .NET analyzers alone and with ReleasePolicy's (only the types matching
# TYPES-REGEX when given), PAIRS alternated pairs on fresh, already compiled compilations, no source generators.
# Process CPU time, not the compiler's -p:ReportAnalyzer table, which charges binding a method body to whichever
# analyzer asks first. Prints the tool's summary and, under the name in $bench_cpu_metric, records 1 + the median
# per-pair ratio (analyzer CPU with ReleasePolicy over without: a ratio of two such values compares commits, where a
# ratio of two near-zero differences would not).
bench_analyzer_cpu() {
  local log="$1" dir="$2" pairs="$3" types="${4:-}" cmd tool out
  cmd="${log%.log}.cmd"
  { echo "$dir"; grep -m1 ' /noconfig ' "$log"; } > "$cmd"
  tool="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/AnalyzerProfile"
  dotnet build "$tool" -c Release -nologo -v:q >/dev/null
  out=$(dotnet "$tool/bin/Release/net10.0/AnalyzerProfile.dll" "$cmd" "$pairs" '^ReleasePolicy\.' \
    --against '^Microsoft\.CodeAnalysis\.(CSharp\.)?NetAnalyzers\.dll$' ${types:+--types "$types"})
  printf '%s\n' "$out" | sed 's/^/  /'
  [ -z "${bench_cpu_metric:-}" ] || bench_metric "$bench_cpu_metric" "$(awk '/^added \/ baseline:/ { printf "%.4f\n", 1 + $4 }' <<<"$out")"
}
