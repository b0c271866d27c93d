# Shared by scripts/cluster.sh and scripts/measure-cluster.sh (sourced, not run): PostgreSQL 15 + PostGIS, Redis, the
# published app and nginx, each in the temporary folder $work on loopback ports; every pid started goes into $pids,
# and cluster_stop stops them by those pids. Needs: apt-get install postgresql-15-postgis-3 redis-server nginx.
PG_BIN=/usr/lib/postgresql/15/bin
work="$(mktemp -d)"; chmod 755 "$work"; pids=()
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cluster_stop() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/pg/postmaster.pid" ] && kill -INT "$(head -1 "$work/pg/postmaster.pid")" 2>/dev/null || true
  sleep 1; rm -rf "$work"
}

# start_postgres PORT: a new cluster with the database legalservicemap (PostGIS and pg_trgm created).
start_postgres() {
  mkdir -p "$work/pg"; [ "$(id -u)" -ne 0 ] || chown postgres "$work/pg"
  as_postgres "$PG_BIN/initdb" -D "$work/pg" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -o "-p $1 -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
  psql -h 127.0.0.1 -p "$1" -U postgres -qc "CREATE DATABASE legalservicemap"
  psql -h 127.0.0.1 -p "$1" -U postgres -d legalservicemap -qc "CREATE EXTENSION postgis; CREATE EXTENSION pg_trgm;"
}

# start_redis PORT: without persistence (the keys it holds are rebuilt by the instances).
start_redis() {
  redis-server --port "$1" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
  pids+=($!)
}

# publish_app: Release build into $work/app.
publish_app() { dotnet publish src/LegalServiceMap.Web -c Release -o "$work/app" >/dev/null; }

# start_instance PORT: one instance on PORT (environment from the caller), waits until it is ready.
start_instance() {
  (cd "$work/app" && exec dotnet LegalServiceMap.Web.dll --urls "http://127.0.0.1:$1" >"$work/app-$1.log" 2>&1) &
  local pid=$!; pids+=("$pid")
  until curl -sf -o /dev/null "http://127.0.0.1:$1/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "the instance on $1 stopped:" >&2; tail -20 "$work/app-$1.log" >&2; return 1; }
    sleep 0.5
  done
}

# start_nginx PORT APP_PORT...: nginx with scripts/cluster/nginx.conf in front of those instances.
start_nginx() {
  local port="$1"; shift; local servers=""
  for p in "$@"; do servers+="server 127.0.0.1:$p max_fails=2 fail_timeout=10s; "; done
  mkdir -p "$work/nginx-$port"
  sed -e "s|@PREFIX@|$work/nginx-$port|g" -e "s|@PORT@|$port|g" -e "s|@SERVERS@|$servers|g" scripts/cluster/nginx.conf > "$work/nginx-$port/nginx.conf"
  nginx -p "$work/nginx-$port" -c "$work/nginx-$port/nginx.conf" -g 'daemon off;' &
  pids+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do sleep 0.2; done
}
