#!/usr/bin/env bash
# Two builds of ReleasePolicy's analyzers on one compile, A/B: the compiler run exactly as the build runs it (its
# command line from a detailed build log, as a response file), with each variant's analyzer assemblies, alternated
# RUNS times in one go (the order flips every round), each in a fresh compiler process as a build without the
# compiler server. Reads the compiler's own per-analyzer table (/reportanalyzer, the issues' metric) and prints, per
# variant, the median of each ReleasePolicy analyzer, their total, the .NET analyzers' total and the ratio.
# Unlike whole builds (benchmarks/analyzer-cost/run.sh), nothing but the compiler runs: no restore, no MSBuild, no
# other projects, so the comparison of two commits' analyzers is not drowned by the rest of the build.
# Usage: benchmarks/csc-ab/run.sh PROJECT_DIR RUNS RSP_A DIR_A RSP_B DIR_B
#   PROJECT_DIR  where the compile runs (the project folder: the command line's paths are relative to it)
#   RSP_X        a response file: the compiler's arguments from a build log (`grep -m1 ' /noconfig ' build.log`, the part
#                after `csc`), with ReleasePolicy's analyzers passed as /analyzer:DIR_X/ReleasePolicy.*.dll
#   DIR_X        a label for the variant's analyzers folder (printed)
# Example (this checkout against the last commit, on the analyzer-cost web project after one run of its benchmark):
#   grep -m1 ' /noconfig ' /tmp/releasepolicy-bench/analyzer-cost/on.1.log | sed 's#^ *[^ ]*/csc ##' > web.rsp
#   sed "s#[^ :]*/releasepolicy.sdk/[^/]*/analyzers/dotnet/cs/#$PWD/old/#g" web.rsp > old.rsp; sed "s#[^ :]*/releasepolicy.sdk/[^/]*/analyzers/dotnet/cs/#$PWD/new/#g" web.rsp > new.rsp
#   benchmarks/csc-ab/run.sh /tmp/releasepolicy-bench/analyzer-cost/WebApp 5 old.rsp old new.rsp new
set -euo pipefail
project="$1"; runs="$2"; rsp_a="$3"; label_a="$4"; rsp_b="$5"; label_b="$6"
csc="$(dirname "$(dotnet --list-sdks | tail -1 | sed 's/.*\[\(.*\)\]/\1/')")/sdk/$(dotnet --version)/Roslyn/bincore/csc.dll"
[ -f "$csc" ] || csc="$(dirname "$(command -v dotnet)")/sdk/$(dotnet --version)/Roslyn/bincore/csc.dll"
out="$(mktemp -d)"
echo "csc A/B, $(date -u '+%F %H:%M') UTC, $(nproc) cores, SDK $(dotnet --version), $runs rounds, A=$label_a B=$label_b"
run() { # run VARIANT ROUND RSP; the compile's wall and CPU seconds (user + system) go to VARIANT.ROUND.wall, .cpu
  local TIMEFORMAT='%R %U %S' times
  times=$( { time (cd "$project" && dotnet "$csc" "@$3" > "$out/$1.$2.txt" 2>&1) ; } 2>&1 ) || { echo "compile $1 ($2) failed: $out/$1.$2.txt" >&2; exit 1; }
  echo "$times" | awk '{ printf "%.2f\n", $1 }' > "$out/$1.$2.wall"
  echo "$times" | awk '{ printf "%.2f\n", $2 + $3 }' > "$out/$1.$2.cpu"
}
for r in $(seq 1 "$runs"); do
  if (( r % 2 )); then run A "$r" "$rsp_a"; run B "$r" "$rsp_b"; else run B "$r" "$rsp_b"; run A "$r" "$rsp_a"; fi
done
# Per variant: each ReleasePolicy analyzer's seconds, the ReleasePolicy assemblies' total, the .NET analyzers' total.
summary() {
  local variant="$1" label="$2"
  for f in "$out/$variant".*.txt; do
    awk '
      /^ *[0-9<.]+ +[0-9<]+ +[^ ]/ {
        t = $1; if (t ~ /^</) t = 0.0005
        name = $3
        if ($0 ~ /^ +[0-9<.]+ +[0-9<]+   [A-Za-z]/ && $0 !~ /^ +[0-9<.]+ +[0-9<]+      /) {   # an assembly line
          if (name ~ /^ReleasePolicy\./) rp += t
          if (name ~ /^Microsoft\.CodeAnalysis\.(CSharp\.)?NetAnalyzers,/) net += t
        } else if (name ~ /^ReleasePolicy\./) { sub(/^ReleasePolicy\.Analyzers\./, "", name); printf "%s\t%s\n", name, t }
      }
      END { printf "=RP\t%.3f\n=NET\t%.3f\n", rp, net }' "$f"
  done | awk -F'\t' -v label="$label" '
    { v[$1] = v[$1] " " $2; n[$1]++ }
    function median(list,   a, k, i, j, x) { k = split(list, a, " "); for (i = 2; i <= k; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x } return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
    END {
      printf "== %s\n", label
      for (name in v) if (name !~ /^=/ && median(v[name]) >= 0.002) printf "  %7.3f s  %-45s (%s )\n", median(v[name]), name, v[name]
      rp = median(v["=RP"]); net = median(v["=NET"])
      printf "  %7.3f s  ReleasePolicy total (%s )\n  %7.3f s  .NET analyzers (%s )\n  ratio %.3f\n", rp, v["=RP"], net, v["=NET"], rp / net
    }'
}
summary A "$label_a"
summary B "$label_b"
# The whole compile (parse, bind, analyze, emit), per round: what a build waits for (wall) and what it costs (CPU).
times_of() { for r in $(seq 1 "$runs"); do cat "$out/$1.$r.$2"; done | tr '\n' ' '; }
ratio_of() { # ratio_of wall|cpu: B over A per round, and the median
  paste <(for r in $(seq 1 "$runs"); do cat "$out/B.$r.$1"; done) <(for r in $(seq 1 "$runs"); do cat "$out/A.$r.$1"; done) \
    | awk -v what="$1" -v a="$label_a" -v b="$label_b" '{ r[NR] = $1 / $2; s[NR] = r[NR] }
      END { n = NR; for (i = 2; i <= n; i++) { x = s[i]; for (j = i - 1; j >= 1 && s[j] > x; j--) s[j + 1] = s[j]; s[j + 1] = x }
            printf "compile %s time %s / %s: median %.3f (per round:", what, b, a, n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2
            for (i = 1; i <= n; i++) printf " %.3f", r[i]; print ")" }'
}
for what in wall cpu; do
  echo "compile $what seconds, per round: $label_a ( $(times_of A $what)) $label_b ( $(times_of B $what))"
  ratio_of "$what"
done
echo "compiler outputs: $out"
