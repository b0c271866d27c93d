#!/usr/bin/env bash
# Measures Blazor Server circuits on the map page: server memory per idle circuit and the time from a map click to
# the walking area at 100, 500 and 1,000 open circuits, with tests/LegalServiceMap.Load (no browser). The app runs
# published (Release, Production) on loopback with the OSM sample of ../shared/data imported. Not a test: numbers
# depend on the machine.
# Usage: scripts/measure-circuits.sh [CIRCUITS=100,500,1000] [CLICKS=100] [extra load-tool options, e.g. --drop]
# With --drop the run lasts 19 minutes more: memory is read until the persisted state of the dropped circuits is gone
# (--after-drop 200 reads it only past the disconnected circuits' 3 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
LEVELS="${1:-100,500,1000}"; CLICKS="${2:-100}"; shift $(( $# > 2 ? 2 : $# )) || true
PORT="${PORT:-5299}"
OSM="$(cd .. && pwd)/shared/data/lllllf-hhhhhq__le-degn-system/shanghai.osm"
[ -f "$OSM" ] || { echo "needs $OSM" >&2; exit 1; }
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet publish src/LegalServiceMap.Web -c Release -o "$work/app" >/dev/null
dotnet build tests/LegalServiceMap.Load -c Release -o "$work/load" >/dev/null
export ConnectionStrings__Stations="Data Source=$work/app.db" Map__TileUrl="" ASPNETCORE_ENVIRONMENT=Production
# Every virtual resident comes from 127.0.0.1: lift the per-address request limit for the measurement.
export RateLimits__RequestsPerMinute=1000000 Logging__LogLevel__Default=Warning
(cd "$work/app" && dotnet LegalServiceMap.Web.dll import-osm "$OSM" >/dev/null)
(cd "$work/app" && exec dotnet LegalServiceMap.Web.dll --urls "http://127.0.0.1:$PORT" >"$work/app.log" 2>&1) &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready"; do sleep 0.2; done
dotnet tool restore >/dev/null
dotnet "$work/load/LegalServiceMap.Load.dll" "http://127.0.0.1:$PORT" --circuits "$LEVELS" --clicks "$CLICKS" --server-pid "$pid" "$@"
grep -ciE "fail|exception" "$work/app.log" | sed 's/^/server log lines with fail or exception: /' || true
