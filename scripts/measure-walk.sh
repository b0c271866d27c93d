#!/usr/bin/env bash
# Measures click-to-walking-area time on the map page in headless Debian Chromium, with the OSM sample of
# ../shared/data imported (walking areas on streets). Not a test: numbers depend on the machine.
# Usage: scripts/measure-walk.sh [CLICKS=20]. Needs chromium and ../shared/data; installs playwright-core (npm) in a temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
CLICKS="${1:-20}"; PORT="${PORT:-5298}"
OSM="$(cd .. && pwd)/shared/data/lllllf-hhhhhq__le-degn-system/shanghai.osm"
[ -f "$OSM" ] || { echo "needs $OSM" >&2; exit 1; }
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet publish src/LegalServiceMap.Web -c Release -o "$work/app" >/dev/null
npm install --prefix "$work/node" --no-audit --no-fund --no-save playwright-core@1.65.1 >/dev/null 2>&1
export ConnectionStrings__Stations="Data Source=$work/app.db" Map__TileUrl="" ASPNETCORE_ENVIRONMENT=Staging
(cd "$work/app" && dotnet LegalServiceMap.Web.dll import-osm "$OSM" >/dev/null)
(cd "$work/app" && exec dotnet LegalServiceMap.Web.dll --urls "http://127.0.0.1:$PORT" >"$work/app.log" 2>&1) &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.2; done
cp scripts/measure-walk.mjs "$work/node/"
NODE_PATH="$work/node/node_modules" node "$work/node/measure-walk.mjs" "http://127.0.0.1:$PORT" "$CLICKS"
