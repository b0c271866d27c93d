#!/usr/bin/env bash
# Walking areas under load on the district-size synthetic network (LegalServiceMap.Testing.SyntheticDistrict, 67k
# nodes, imported through the app's own import-osm): the published app (Release, Staging) at two commits, one client
# and then 16 clients sending random 15-minute walks for 20 s each, run A B A B on this machine; prints requests per
# second, median and p95 latency, and the size of the answers as sent (Brotli). Not a test: numbers depend on the machine.
# Usage: scripts/measure-district.sh [BEFORE=90cbcba] [AFTER=HEAD] [SECONDS=20] [CLIENTS="1 16"]
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE="${1:-90cbcba}"; AFTER="${2:-HEAD}"; DURATION="${3:-20}"; CLIENTS="${4:-1 16}"; PORT="${PORT:-5299}"
repo="$(pwd)"
work="$(mktemp -d)"
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true
  for side in before after; do [ -d "$work/src-$side" ] && git -C "$repo" worktree remove --force "$work/src-$side" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build tests/LegalServiceMap.Load -c Release -o "$work/load" >/dev/null
bbox="$(dotnet "$work/load/LegalServiceMap.Load.dll" district-osm "$work/district.osm")"
echo "district: $(du -h "$work/district.osm" | cut -f1) of OSM XML, bbox $bbox"

for side in before after; do
  commit="$([ "$side" = before ] && echo "$BEFORE" || echo "$AFTER")"
  git -C "$repo" worktree add --detach "$work/src-$side" "$commit" >/dev/null 2>&1
  echo "$side: $(git -C "$work/src-$side" log -1 --format='%h %s' | cut -c1-90)"
  (cd "$work/src-$side" && npm ci --no-audit --no-fund >/dev/null 2>&1)
  dotnet publish "$work/src-$side/src/LegalServiceMap.Web" -c Release -o "$work/app-$side" >/dev/null
  (cd "$work/app-$side" && ConnectionStrings__Stations="Data Source=$work/$side.db" Map__TileUrl="" ASPNETCORE_ENVIRONMENT=Staging \
    dotnet LegalServiceMap.Web.dll import-osm "$work/district.osm" | tail -1)
done

run() {
  local side="$1"
  (cd "$work/app-$side" && ConnectionStrings__Stations="Data Source=$work/$side.db" Map__TileUrl="" ASPNETCORE_ENVIRONMENT=Staging \
    RateLimits__RequestsPerMinute=1000000 exec dotnet LegalServiceMap.Web.dll --urls "http://127.0.0.1:$PORT" >"$work/app-$side.log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do
    kill -0 "$pid" 2>/dev/null || { echo "the $side app stopped:" >&2; tail -5 "$work/app-$side.log" >&2; exit 1; }
    sleep 0.3
  done
  for clients in $CLIENTS; do
    printf '%-6s %2s client(s) ' "$side" "$clients"
    dotnet "$work/load/LegalServiceMap.Load.dll" http "http://127.0.0.1:$PORT" --path "/api/isochrone?lat={lat}&lng={lng}&minutes=15" \
      --seconds "$DURATION" --concurrency "$clients" --bbox "$bbox"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}
for round in 1 2; do run before; run after; done
