#!/usr/bin/env bash
# Residents reading and tapping the map over plain HTTP, with tests/LegalServiceMap.Load (no browser): the time a tap
# is answered (the walk and the page of its address) and the server's heap against a warm idle baseline, after 100, 500
# and 1,000 residents. The app runs published (Release, Production) on loopback with the OSM sample of ../shared/data
# imported. Not a test: numbers depend on the machine.
# Usage: scripts/measure-residents.sh [RESIDENTS=100,500,1000] [TAPS=2] [extra load-tool options]
set -euo pipefail
cd "$(dirname "$0")/.."
LEVELS="${1:-100,500,1000}"; TAPS="${2:-2}"; shift $(( $# > 2 ? 2 : $# )) || true
PORT="${PORT:-5299}"
OSM="$(cd .. && pwd)/shared/data/lllllf-hhhhhq__le-degn-system/shanghai.osm"
[ -f "$OSM" ] || { echo "needs $OSM" >&2; exit 1; }
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet publish src/LegalServiceMap.Web -c Release -o "$work/app" >/dev/null
dotnet build tests/LegalServiceMap.Load -c Release -o "$work/load" >/dev/null
export ConnectionStrings__Stations="Data Source=$work/app.db" ASPNETCORE_ENVIRONMENT=Production
# Every virtual resident comes from 127.0.0.1: lift the per-address request limit for the measurement.
export RateLimits__RequestsPerMinute=1000000 Logging__LogLevel__Default=Warning
(cd "$work/app" && dotnet LegalServiceMap.Web.dll import-osm "$OSM" >/dev/null)
(cd "$work/app" && exec dotnet LegalServiceMap.Web.dll --urls "http://127.0.0.1:$PORT" >"$work/app.log" 2>&1) &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready"; do sleep 0.2; done
dotnet tool restore >/dev/null
dotnet "$work/load/LegalServiceMap.Load.dll" residents "http://127.0.0.1:$PORT" --residents "$LEVELS" --taps "$TAPS" --server-pid "$pid" "$@"
grep -ciE "fail|exception" "$work/app.log" | sed 's/^/server log lines with fail or exception: /' || true
