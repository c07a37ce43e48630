#!/usr/bin/env bash
# What the feature-flag rules (RP2001-RP2006) cost the compile of a large web project, measured as a user builds it:
# a generated ASP.NET Core project (real Microsoft.FeatureManagement.AspNetCore 4.7.0) of controllers with
# [FeatureGate], services with an injected IFeatureManager that guard [RequiresFeature] calls, and minimal-API
# endpoints with .WithFeatureGate, plus an appsettings.json declaring the flags. Built with
# `dotnet build --no-incremental -p:ReportAnalyzer=true`; prints the per-analyzer times the compiler reports for the
# flag analyzers and the .NET SDK's own analyzers in the same build.
# Usage: benchmarks/feature-flags/run.sh [files, default 2000] [builds, default 2]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
files="${1:-2000}"; builds="${2:-2}"
work="${TMPDIR:-/tmp}/releasepolicy-bench/feature-flags"   # outside the repository: its Directory.Build.props must not apply
"$root/build/pack.sh" >/dev/null
export NUGET_PACKAGES="$root/artifacts/bench-nuget-packages"
rm -rf "$NUGET_PACKAGES/releasepolicy.sdk" "$NUGET_PACKAGES/releasepolicy.analyzers" "$work" && mkdir -p "$work/Web"
version="$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$root/Directory.Build.props" | head -1)"

cat > "$work/Web/Web.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <Sdk Name="ReleasePolicy.Sdk" Version="$version" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.FeatureManagement.AspNetCore" Version="4.7.0" />
  </ItemGroup>
</Project>
XML
cat > "$work/Web/NuGet.config" <<XML
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$root/artifacts/packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML

{
  echo '{'
  echo '  "FeatureManagement": {'
  for f in $(seq 0 49); do echo "    \"Area${f}Flag\": true,"; done
  echo '    "Beta": false'
  echo '  }'
  echo '}'
} > "$work/Web/appsettings.json"

cat > "$work/Web/Program.cs" <<'CS'
using Microsoft.FeatureManagement;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddFeatureManagement();
var app = builder.Build();
app.MapControllers();
app.Run();

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequiresFeatureAttribute(string feature) : Attribute
{
    public string Feature { get; } = feature;
}
CS

for i in $(seq 1 "$files"); do
  flag="Area$((i % 50))Flag"
  cat > "$work/Web/Feature$i.cs" <<CS
using Microsoft.AspNetCore.Mvc;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.AspNetCore;
using Microsoft.FeatureManagement.Mvc;

namespace Contoso.Web.Area$((i % 50));

public static class Flags$i
{
    public const string Current = "$flag";
}

public class Engine$i
{
    [RequiresFeature(Flags$i.Current)]
    public string Render(string name) => "new " + name;

    public string Classic(string name) => "classic " + name;
}

public sealed class Service$i(IFeatureManager featureManager, Engine$i engine)
{
    public async Task<string> PageAsync(string name)
    {
        if (!await featureManager.IsEnabledAsync(Flags$i.Current).ConfigureAwait(false))
        {
            return engine.Classic(name);
        }

        var parts = new List<string>();
        for (var n = 0; n < name.Length; n++) parts.Add(name.ToUpperInvariant() + n);
        return engine.Render(string.Join(",", parts));
    }

    public async Task<string> ShelfAsync(string name) =>
        await featureManager.IsEnabledAsync(Flags$i.Current) && name.Length > 2 ? engine.Render(name) : engine.Classic(name);
}

[FeatureGate(Flags$i.Current)]
[Route("feature$i")]
public sealed class Feature${i}Controller(Engine$i engine) : Controller
{
    [HttpGet]
    public IActionResult Index(string name) => Ok(engine.Render(name));
}

public static class Endpoints$i
{
    public static void Map(WebApplication app) =>
        app.MapGet("/endpoint$i/{name}", (string name, Engine$i engine) => engine.Render(name)).WithFeatureGate(Flags$i.Current);
}
CS
done

dotnet restore "$work/Web/Web.csproj" -nologo -v:q >/dev/null
echo "Feature-flag rules, $(date -u +%F), $(nproc) cores, SDK $(dotnet --version), $files files, $builds builds after a warm-up, --no-incremental"
for b in $(seq 0 "$builds"); do
  log="$work/build$b.log"
  start=$(date +%s.%N)
  dotnet build "$work/Web/Web.csproj" --no-restore --no-incremental -c Debug -nologo -v:d -p:ReportAnalyzer=true -p:ReleasePolicyMode=Audit > "$log" 2>&1 \
    || { echo "build failed: $log" >&2; exit 1; }
  end=$(date +%s.%N)
  [ "$b" -eq 0 ] && continue
  awk -v s="$start" -v e="$end" -v b="$b" 'BEGIN { printf "build %d: %.2f s\n", b, e - s }'
  sed -n '/Total analyzer execution time/,/Total generator execution time/p' "$log" \
    | grep -E 'ReleasePolicy\.Analyzers\.Flags\.|Microsoft\.CodeAnalysis\.(CSharp\.)?NetAnalyzers, Version|ReleasePolicy\.Analyzers, Version|Total analyzer execution time' \
    | sed -E 's/, Version=[^ ]*//; s/^\s+/  /' | sort -u
  echo "  RP200x warnings in the log: $(grep -cE 'warning RP200[0-9]' "$log" || true)"
done
