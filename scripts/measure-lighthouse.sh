#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12.2.3, mobile preset: simulated slow 4G and 4x CPU slowdown) with Debian Chromium,
# against the Release publish run from its folder. Prints performance and accessibility scores per page.
# Usage: scripts/measure-lighthouse.sh [PATH ...] (default: the map page, embed mode in English, elder mode, the culture
# map and a station page).
# Not a test: scores depend on the machine; run it on a quiet one.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-5296}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}"
pages=("$@"); [ ${#pages[@]} -gt 0 ] || pages=("/" "/?embed=1&lang=en" "/elder?toggle=1" "/culture" "/stations/culture-labour-secretariat")
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish src/LegalServiceMap.Web -c Release -v q -nologo -o "$work/publish" >/dev/null
(cd "$work/publish" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Stations="Data Source=$work/lh.db" \
  Logging__LogLevel__Default=Warning dotnet LegalServiceMap.Web.dll --urls "http://127.0.0.1:$PORT") >"$work/app.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.2; done

for page in "${pages[@]}"; do
  CHROME_PATH="$CHROMIUM" npx --yes lighthouse@12.2.3 "http://127.0.0.1:$PORT$page" --quiet \
    --chrome-flags="--headless --no-sandbox --disable-gpu" --only-categories=performance,accessibility \
    --output=json --output-path="$work/report.json"
  node -e '
    const r = require(process.argv[1]), a = r.audits, s = (k) => Math.round(r.categories[k].score * 100);
    console.log(`${process.argv[2].padEnd(22)} performance ${s("performance")}, accessibility ${s("accessibility")}; ` +
      `FCP ${a["first-contentful-paint"].displayValue}, LCP ${a["largest-contentful-paint"].displayValue}, ` +
      `TBT ${a["total-blocking-time"].displayValue}, CLS ${a["cumulative-layout-shift"].displayValue}; ${a["total-byte-weight"].displayValue}`);
  ' "$work/report.json" "$page"
done
