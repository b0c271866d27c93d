#!/usr/bin/env bash
# A resident's first visit to the map on a phone network (scripts/measure-phone.mjs): markers visible and first tap
# answered, median and p95, in headless Debian Chromium at 390x844 throttled to 150 ms / 1.6 Mbit/s / 750 kbit/s, against
# the published app (Release, Production, no base map) on loopback. With a git revision, that revision is published too
# and the visits alternate between the two, so the figures sit side by side from one run.
# Usage: scripts/measure-phone.sh [RUNS=10] [REVISION]; WS=refuse refuses WebSockets. Not a test: figures depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-10}"; REV="${2:-}"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -n "$REV" ] && git worktree remove --force "$work/rev" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
npm install --prefix "$work/node" --no-audit --no-fund --no-save playwright-core@1.65.1 >/dev/null 2>&1
export ASPNETCORE_ENVIRONMENT=Production Map__Provider=none Map__TileUrl="" RateLimits__RequestsPerMinute=1000000 Logging__LogLevel__Default=Warning
start() { # folder port
  (cd "$1" && ConnectionStrings__Stations="Data Source=$1/app.db" exec dotnet LegalServiceMap.Web.dll --urls "http://127.0.0.1:$2" >"$1/app.log" 2>&1) &
  pids+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$2/health/ready"; do sleep 0.2; done
}
dotnet publish src/LegalServiceMap.Web -c Release -o "$work/now" >/dev/null
start "$work/now" 5311
urls=("http://127.0.0.1:5311/")
if [ -n "$REV" ]; then
  git worktree add --detach "$work/rev" "$REV" >/dev/null 2>&1
  (cd "$work/rev" && npm ci --no-audit --no-fund >/dev/null 2>&1 && dotnet publish src/LegalServiceMap.Web -c Release -o "$work/then" >/dev/null)
  start "$work/then" 5312
  urls=("http://127.0.0.1:5312/" "${urls[@]}")
  echo "A = $REV ($(git rev-parse --short "$REV")), B = this working tree"
fi
cp scripts/measure-phone.mjs "$work/node/"
NODE_PATH="$work/node/node_modules" node "$work/node/measure-phone.mjs" "$RUNS" "${urls[@]}"
