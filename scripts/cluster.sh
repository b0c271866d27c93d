#!/usr/bin/env bash
# Runs LegalServiceMap as a cluster on this Debian machine: PostgreSQL 15 + PostGIS, Redis, two app instances and
# nginx in front (scripts/cluster/nginx.conf), each in a temporary folder on loopback ports. Ctrl-C stops everything it
# started (by pid). Needs: apt-get install postgresql-15-postgis-3 redis-server nginx.
# Usage: scripts/cluster.sh [PORT=8080]   then open http://127.0.0.1:PORT
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-8080}"; PG_PORT="${PG_PORT:-55432}"; REDIS_PORT="${REDIS_PORT:-56379}"; APP_PORTS=(5301 5302)
source scripts/cluster/lib.sh
trap cluster_stop EXIT
trap "exit 130" INT TERM

echo "PostgreSQL on $PG_PORT, Redis on $REDIS_PORT (in $work)"
start_postgres "$PG_PORT"
start_redis "$REDIS_PORT"
echo "Publishing the app ..."
publish_app
export ASPNETCORE_ENVIRONMENT=Production Database__Provider=postgres Map__TileUrl="${Map__TileUrl:-}" \
  ConnectionStrings__Stations="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=legalservicemap" \
  ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT" ReverseProxy__KnownProxies__0=127.0.0.1
for port in "${APP_PORTS[@]}"; do
  start_instance "$port" # one at a time: the first start migrates and seeds, the next finds it done
  echo "instance on $port ready"
done
start_nginx "$PORT" "${APP_PORTS[@]}"
echo "Cluster up: http://127.0.0.1:$PORT (instances ${APP_PORTS[*]}; logs in $work). Ctrl-C stops it."
wait
