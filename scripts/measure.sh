#!/usr/bin/env bash
# Measures, on this machine, with a Release build and a fresh database:
#   - cold start: process launch -> first HTTP 200 on / (includes create + migrate + seed), and again with the database present;
#   - latency of GET /api/stations and GET /api/stations/nearest over N sequential keep-alive requests (p50/p95/p99).
# Usage: scripts/measure.sh [N=1000]. Not a test: numbers depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
PORT="${PORT:-5299}"
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/LegalServiceMap.Web -c Release -v q -nologo >/dev/null
dll="src/LegalServiceMap.Web/bin/Release/net10.0/LegalServiceMap.Web.dll"

start_app() {
  local t0 t1
  t0=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Stations="Data Source=$work/measure.db" \
    Logging__LogLevel__Default=Warning dotnet "$dll" --urls "http://127.0.0.1:$PORT" >"$work/app.log" 2>&1 &
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
