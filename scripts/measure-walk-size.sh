#!/usr/bin/env bash
# Measures the bytes of a 15-minute walking area answer (/api/isochrone) as a phone downloads it: raw, gzip and Brotli,
# with the outline as traced (Isochrone:SimplifyMetres=0) and as drawn (the default), side by side on the same data
# (the OSM sample of ../shared/data). Not a test: figures depend on the data, not the machine.
# Usage: scripts/measure-walk-size.sh ["lat,lng" ...]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-5297}"
OSM="$(cd .. && pwd)/shared/data/lllllf-hhhhhq__le-degn-system/shanghai.osm"
[ -f "$OSM" ] || { echo "needs $OSM" >&2; exit 1; }
points=("$@"); [ ${#points[@]} -gt 0 ] || points=("31.2300,121.4700" "31.2330,121.4760" "31.2285,121.4725")
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet publish src/LegalServiceMap.Web -c Release -o "$work/app" >/dev/null
export ConnectionStrings__Stations="Data Source=$work/app.db" ASPNETCORE_ENVIRONMENT=Production
(cd "$work/app" && dotnet LegalServiceMap.Web.dll import-osm "$OSM" >/dev/null)
for tolerance in 0 default; do
  if [ "$tolerance" = 0 ]; then export Isochrone__SimplifyMetres=0; else unset Isochrone__SimplifyMetres; fi
  (cd "$work/app" && exec dotnet LegalServiceMap.Web.dll --urls "http://127.0.0.1:$PORT" >"$work/app.log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/live"; do sleep 0.2; done
  for point in "${points[@]}"; do
    url="http://127.0.0.1:$PORT/api/isochrone?lat=${point%,*}&lng=${point#*,}&minutes=15"
    raw=$(curl -s "$url" | wc -c)
    gz=$(curl -s -H "Accept-Encoding: gzip" "$url" | wc -c)
    br=$(curl -s -H "Accept-Encoding: br" "$url" | wc -c)
    printf 'SimplifyMetres=%-8s %-22s raw %6d B  gzip %5d B  br %5d B\n' "$tolerance" "$point" "$raw" "$gz" "$br"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
