#!/usr/bin/env bash
# Runs LegalServiceMap as a cluster on this Debian machine: PostgreSQL 15 + PostGIS, Redis, two app instances and
# nginx in front (scripts/cluster/nginx.conf), each in a temporary folder on loopback ports. Ctrl-C stops everything it
# started (by pid). Needs: apt-get install postgresql-15-postgis-3 redis-server nginx.
# Usage: scripts/cluster.sh [PORT=8080]   then open http://127.0.0.1:PORT
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-8080}"; PG_PORT="${PG_PORT:-55432}"; REDIS_PORT="${REDIS_PORT:-56379}"; APP_PORTS=(5301 5302)
BIN=/usr/lib/postgresql/15/bin
work="$(mktemp -d)"; chmod 755 "$work"; pids=()
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/pg/postmaster.pid" ] && kill -INT "$(head -1 "$work/pg/postmaster.pid")" 2>/dev/null || true
  sleep 1; rm -rf "$work"
}
trap stop EXIT
trap "exit 130" INT TERM

echo "PostgreSQL on $PG_PORT, Redis on $REDIS_PORT (in $work)"
mkdir -p "$work/pg"; [ "$(id -u)" -ne 0 ] || chown postgres "$work/pg"
as_postgres "$BIN/initdb" -D "$work/pg" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$BIN/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -o "-p $PG_PORT -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE legalservicemap"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d legalservicemap -qc "CREATE EXTENSION postgis; CREATE EXTENSION pg_trgm;"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)

echo "Publishing the app ..."
dotnet publish src/LegalServiceMap.Web -c Release -o "$work/app" >/dev/null
export ASPNETCORE_ENVIRONMENT=Production Database__Provider=postgres Map__TileUrl="${Map__TileUrl:-}" \
  ConnectionStrings__Stations="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=legalservicemap" \
  ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT" ReverseProxy__KnownProxies__0=127.0.0.1
servers=""
for port in "${APP_PORTS[@]}"; do
  # One at a time: the first start migrates and seeds, the next finds it done.
  (cd "$work/app" && exec dotnet LegalServiceMap.Web.dll --urls "http://127.0.0.1:$port" >"$work/app-$port.log" 2>&1) &
  pids+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do sleep 0.5; done
  echo "instance on $port ready"
  servers+="server 127.0.0.1:$port max_fails=2 fail_timeout=10s; "
done

mkdir -p "$work/nginx"
sed -e "s|@PREFIX@|$work/nginx|g" -e "s|@PORT@|$PORT|g" -e "s|@SERVERS@|$servers|g" scripts/cluster/nginx.conf > "$work/nginx/nginx.conf"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready"; do sleep 0.2; done
echo "Cluster up: http://127.0.0.1:$PORT (instances ${APP_PORTS[*]}; logs in $work). Ctrl-C stops it."
wait
