#!/usr/bin/env bash
# Regenerates orders-pricing.trx and orders-pricing.cobertura.xml from a real test run of
# tests/fixtures/QualityFixture (xunit + coverlet.collector): 4 tests, 1 failing on purpose, part of the code uncovered.
# The RP5005/RP5006 tests read these files; regenerate them when the fixture or the tools change.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixture="$here/../../../fixtures/QualityFixture"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
dotnet test "$fixture/Orders.Pricing.Tests/Orders.Pricing.Tests.csproj" \
  --logger "trx;LogFileName=orders-pricing.trx" \
  --collect:"XPlat Code Coverage" \
  --results-directory "$results" || true   # one test fails on purpose
cp "$results/orders-pricing.trx" "$here/orders-pricing.trx"
cp "$(find "$results" -name coverage.cobertura.xml | head -n 1)" "$here/orders-pricing.cobertura.xml"
rm -rf "$fixture"/*/bin "$fixture"/*/obj
echo "Wrote $here/orders-pricing.trx and $here/orders-pricing.cobertura.xml"
