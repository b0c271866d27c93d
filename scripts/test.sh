#!/usr/bin/env bash
# Runs every test (unit, component, API, browser) and ends with one line "N passed, N failed, N skipped".
# Installs what the tests need when it is missing: Debian's Chromium, a CJK font, PostgreSQL 15 + PostGIS and Redis
# (apt), npm packages, dotnet tools.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || need_apt+=(fonts-wqy-microhei)
# PostgreSQL 15 with PostGIS: the tests start their own server on a free loopback port (never the system's).
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql-15)
[ -f /usr/share/postgresql/15/extension/postgis.control ] || need_apt+=(postgresql-15-postgis-3)
# Redis, for the tests of two instances sharing state (started by the tests on a free loopback port).
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
# nginx, the load balancer of the failover journeys (started by the tests with scripts/cluster/nginx.conf).
[ -x /usr/sbin/nginx ] || need_apt+=(nginx)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} ..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
dotnet tool restore >/dev/null

log="$(mktemp)"
set +e
dotnet test LegalServiceMap.sln 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

grep -E "^(Passed|Failed)!" "$log" | awk -F'[:,]' '
  { for (i = 1; i <= NF; i++) {
      if ($i ~ /Failed/ && $(i+1) ~ /[0-9]/) f += $(i+1);
      if ($i ~ / Passed/ && $(i+1) ~ /[0-9]/) p += $(i+1);
      if ($i ~ / Skipped/ && $(i+1) ~ /[0-9]/) s += $(i+1);
  } }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }'
rm -f "$log"
exit "$status"
