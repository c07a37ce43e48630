#!/usr/bin/env bash
# Dependency verification, side by side in one run: ReleasePolicy's engine cold (no cache: every .nupkg hashed, its
# signature read and verified, every file the build uses compared with its .nupkg entry) and warm (the verdict cache
# of a second build), against `dotnet nuget verify --all` on the same .nupkg files in one call. Rounds alternate so
# both see the same file cache. The closure is an ASP.NET Core + EF Core service (well over 100 packages), restored
# into a private packages folder (needs the NuGet feed once; later runs are offline).
# Usage: benchmarks/dependencies/run.sh [rounds, default 3]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-3}"
work="${TMPDIR:-/tmp}/releasepolicy-bench/dependencies"
export NUGET_PACKAGES="$root/artifacts/bench-nuget-packages"
mkdir -p "$work/Service"
cat > "$work/Service/Service.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <NuGetAudit>false</NuGetAudit>
    <NoWarn>$(NoWarn);NU1603</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.EntityFrameworkCore.SqlServer" Version="8.0.11" />
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.11" />
    <PackageReference Include="Microsoft.AspNetCore.Authentication.JwtBearer" Version="8.0.11" />
    <PackageReference Include="Swashbuckle.AspNetCore" Version="6.5.0" />
    <PackageReference Include="Serilog.AspNetCore" Version="8.0.3" />
    <PackageReference Include="Azure.Identity" Version="1.12.1" />
    <PackageReference Include="OpenTelemetry.Extensions.Hosting" Version="1.9.0" />
    <PackageReference Include="Polly" Version="8.4.2" />
    <PackageReference Include="FluentValidation.AspNetCore" Version="11.3.1" />
    <PackageReference Include="AWSSDK.S3" Version="3.7.304.1" />
    <PackageReference Include="StackExchange.Redis" Version="2.8.16" />
    <PackageReference Include="Microsoft.Extensions.Http.Resilience" Version="8.10.0" />
    <PackageReference Include="Grpc.AspNetCore" Version="2.66.0" />
    <PackageReference Include="Azure.Storage.Blobs" Version="12.19.1" />
    <PackageReference Include="Dapper" Version="2.1.66" />
    <PackageReference Include="Hangfire.AspNetCore" Version="1.8.25" />
  </ItemGroup>
</Project>
XML
echo 'var app = WebApplication.CreateBuilder(args).Build(); app.Run();' > "$work/Service/Program.cs"
dotnet restore "$work/Service/Service.csproj" -nologo -v:q >/dev/null
assets="$work/Service/obj/project.assets.json"
mapfile -t nupkgs < <(python3 -c "
import json,os,sys
d=json.load(open('$assets')); root=list(d['packageFolders'])[0]
for k,v in d['libraries'].items():
    if v.get('type')=='package':
        i,ver=v['path'].split('/'); print(os.path.join(root,v['path'],f'{i}.{ver}.nupkg'))")
echo "packages in the closure: ${#nupkgs[@]}"
dotnet build "$root/benchmarks/dependencies/DependencyVerificationTimer" -c Release -nologo -v:q >/dev/null
timer="$root/benchmarks/dependencies/DependencyVerificationTimer/bin/Release/net10.0/DependencyVerificationTimer"
cache="$work/dependency-verification.cache"
for round in $(seq 1 "$rounds"); do
  echo "== round $round"
  "$timer" "$assets" "$cache" cold | head -1
  "$timer" "$assets" "$cache" warm | head -2
  start=$(date +%s.%N)
  dotnet nuget verify --all "${nupkgs[@]}" >"$work/nuget-verify.log" 2>&1 || true
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v n="${#nupkgs[@]}" 'BEGIN { printf "dotnet nuget verify --all (%d packages, one call): %.0f ms\n", n, (e - s) * 1000 }'
done
echo "(nuget verify's last lines:)"; tail -3 "$work/nuget-verify.log"

# The whole MSBuild target in a real `dotnet build -c Release` of the same closure with the packed SDK (BENCH_SDK=0
# skips it): a first build verifies every package (cold, target time from -clp:PerformanceSummary), then each round
# touches obj/project.assets.json so the up-to-date check lets the target run again with its verdict cache (warm), as
# after a restore that changed nothing. A no-change build skips the target altogether (inputs up to date).
if [ "${BENCH_SDK:-1}" = 1 ]; then
  . "$root/benchmarks/lib/bench.sh"
  bench_init "$root"   # packs the SDK, uses the benchmark package folder
  sdk="$work/ServiceWithSdk"
  rm -rf "$sdk" && mkdir -p "$sdk"
  sed "s|<Project Sdk=\"Microsoft.NET.Sdk.Web\">|<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <Sdk Name=\"ReleasePolicy.Sdk\" Version=\"$bench_version\" />|" "$work/Service/Service.csproj" > "$sdk/Service.csproj"
  echo 'Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build().Run();' > "$sdk/Program.cs"
  bench_nuget_config "$sdk"
  dotnet restore "$sdk/Service.csproj" -nologo -v:q >/dev/null
  target_ms() { dotnet build "$sdk/Service.csproj" --no-restore -c Release -nologo -v:n -p:ReleasePolicyMode=Audit -clp:PerformanceSummary > "$work/sdk-build.log" 2>&1 \
    || { echo "build failed: $work/sdk-build.log" >&2; exit 1; }
    bench_target_ms "$work/sdk-build.log" '^_ReleasePolicyVerifyDependencies$'; }
  echo "== the _ReleasePolicyVerifyDependencies target in dotnet build -c Release (${#nupkgs[@]} packages)"
  rm -rf "$sdk/obj/releasepolicy"
  ms=$(target_ms) || exit 1; echo "cold (no verdict cache): $ms ms"
  for round in $(seq 1 "$rounds"); do
    touch "$sdk/obj/project.assets.json"
    ms=$(target_ms) || exit 1; echo "warm (cache hit), round $round: $ms ms"
  done
  ms=$(target_ms) || exit 1; echo "no change: $ms ms"
fi
