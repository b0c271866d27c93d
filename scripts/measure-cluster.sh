#!/usr/bin/env bash
# Throughput and latency of /api/stations and /api/isochrone through nginx with one instance and with two (the same
# PostgreSQL + PostGIS, Redis and published Release build; the OSM sample of ../shared/data imported, so walking areas
# are computed on the network at random points). Two nginx front doors run side by side, one with one upstream and one
# with both; the runs alternate (one, two, one, two) so both see the same machine. Not a test: numbers depend on it.
# Usage: scripts/measure-cluster.sh [SECONDS=20] [CONCURRENCY=16]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-20}"; CONCURRENCY="${2:-16}"
PG_PORT=55442; REDIS_PORT=56389; APP_PORTS=(5311 5312); ONE=8091; TWO=8092
OSM="$(cd .. && pwd)/shared/data/lllllf-hhhhhq__le-degn-system/shanghai.osm"
[ -f "$OSM" ] || { echo "needs $OSM" >&2; exit 1; }
source scripts/cluster/lib.sh
trap cluster_stop EXIT
trap "exit 130" INT TERM

start_postgres "$PG_PORT"
start_redis "$REDIS_PORT"
publish_app
dotnet build tests/LegalServiceMap.Load -c Release -o "$work/load" >/dev/null
# Every virtual client comes from 127.0.0.1: lift the per-address request limit for the measurement.
export ASPNETCORE_ENVIRONMENT=Production Database__Provider=postgres Map__TileUrl="" Logging__LogLevel__Default=Warning \
  ConnectionStrings__Stations="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=legalservicemap" \
  ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT" ReverseProxy__KnownProxies__0=127.0.0.1 RateLimits__RequestsPerMinute=1000000
(cd "$work/app" && dotnet LegalServiceMap.Web.dll import-osm "$OSM" >/dev/null)
for port in "${APP_PORTS[@]}"; do start_instance "$port"; done
start_nginx "$ONE" "${APP_PORTS[0]}"
start_nginx "$TWO" "${APP_PORTS[@]}"
load() { dotnet "$work/load/LegalServiceMap.Load.dll" http "http://127.0.0.1:$1" --seconds "$2" --concurrency "$CONCURRENCY" \
  --path "/api/stations?lang=zh" --path "/api/isochrone?lat={lat}&lng={lng}&minutes=15"; }
# Both instances warm (JIT, pools, the walking engine) before anything is reported.
load "$TWO" 10 >/dev/null
echo "$(nproc) cores; $CONCURRENCY clients for $SECONDS_PER_RUN s per path and run (random points: some are off the network, 400)"
for round in 1 2; do
  for door in "$ONE" "$TWO"; do
    [ "$door" = "$ONE" ] && echo "round $round, one instance:" || echo "round $round, two instances:"
    load "$door" "$SECONDS_PER_RUN" | sed 's/^/  /'
  done
done
grep -ciE "\"LogLevel\":\"(Error|Critical)\"" "$work"/app-*.log | sed 's/^/server log lines at error level: /' || true
