#!/usr/bin/env bash
# Measures, on this machine, with a Release publish and a fresh database:
#   - cold start: process launch -> first HTTP 200 on / (includes create + migrate + seed), and again with the database present;
#   - latency of GET /api/stations and GET /api/stations/nearest over N sequential keep-alive requests (p50/p95/p99).
# Usage: scripts/measure.sh [N=1000]. Not a test: numbers depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
PORT="${PORT:-5299}"
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

# Published output, as deployed: static assets fingerprinted and pre-compressed (br, gzip) at publish time.
dotnet publish src/LegalServiceMap.Web -c Release -v q -nologo -o "$work/publish" >/dev/null
dll="$work/publish/LegalServiceMap.Web.dll"

start_app() {
  local t0 t1
  t0=$(date +%s%N)
  # Run from the publish folder (its content root), as a deployment does; wwwroot and data/ sit beside the binaries.
  (cd "$work/publish" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Stations="Data Source=$work/measure.db" \
    Logging__LogLevel__Default=Warning dotnet "$dll" --urls "http://127.0.0.1:$PORT") >"$work/app.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.02; done
  t1=$(date +%s%N)
  elapsed=$(( (t1 - t0) / 1000000 ))
}

start_app; cold=$elapsed; kill "$pid"; wait "$pid" 2>/dev/null || true
start_app; warm=$elapsed
echo "cold start to first 200 (new database: create, migrate, seed): ${cold} ms"
echo "start to first 200 (existing database): ${warm} ms"

percentiles() { sort -n | awk '{a[NR]=$1} END {printf "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)\n", a[int(NR*0.50)]*1000, a[int(NR*0.95)]*1000, a[int(NR*0.99)]*1000, a[NR]*1000, NR}'; }

measure() {
  local name="$1" url="$2" cfg="$work/requests.curl"
  : >"$cfg"
  for _ in $(seq 1 20); do echo "url = \"$url\"" >>"$cfg"; echo 'output = "/dev/null"' >>"$cfg"; done
  curl -s -K "$cfg" >/dev/null                       # warm-up
  : >"$cfg"
  for _ in $(seq 1 "$N"); do echo "url = \"$url\"" >>"$cfg"; echo 'output = "/dev/null"' >>"$cfg"; done
  printf '%-40s ' "$name"
  curl -s -K "$cfg" -w '%{time_total}\n' | percentiles
}

base="http://127.0.0.1:$PORT"
measure "GET /api/stations" "$base/api/stations"
measure "GET /api/stations?type=judicial-office&lang=en" "$base/api/stations?type=judicial-office&lang=en"
measure "GET /api/stations?q=南京西路" "$base/api/stations?q=%E5%8D%97%E4%BA%AC%E8%A5%BF%E8%B7%AF"
measure "GET /api/stations/nearest (k=10)" "$base/api/stations/nearest?lat=31.2286&lng=121.4520&k=10"
measure "GET /api/stations/nearest (k=5, type)" "$base/api/stations/nearest?lat=31.30&lng=121.44&k=5&type=judicial-office"

# Page weight: the map page as a phone fetches it (HTML plus every stylesheet, script and module it references, and
# the JSON the page loads), each with Accept-Encoding: br, gzip; map tiles are excluded. Sizes are bytes on the wire.
page_weight() {
  local page="$1" html="$work/page.html" total=0 n=0 bytes path
  bytes=$(curl -s --compressed -H 'Accept-Encoding: br, gzip' -o "$html" -w '%{size_download}' "$base$page")
  total=$bytes; n=1
  while read -r path; do
    [ -z "$path" ] && continue
    case "$path" in http*) continue ;; esac
    bytes=$(curl -sf -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$base/${path#/}")
    [ "$bytes" -gt 0 ] || { echo "empty or missing asset: $path" >&2; exit 1; }
    total=$((total + bytes)); n=$((n + 1))
  done < <(grep -oE '(href|src)="[^"]+\.(css|js|mjs)"' "$html" | sed -E 's/^(href|src)="//; s/"$//' | sort -u)
  # Fetched after start-up: the map module (imported through JS interop) and the station JSON the map shows.
  for path in "js/map.js" "api/stations?lang=zh"; do
    bytes=$(curl -s -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$base/$path")
    total=$((total + bytes)); n=$((n + 1))
  done
  printf '%-40s %d requests, %.1f KB compressed (tiles excluded)\n' "page weight $page" "$n" "$(echo "$total / 1024" | bc -l)"
}
page_weight "/"
page_weight "/?embed=1"
