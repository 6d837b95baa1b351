#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the OrderSources tests and benchmark.
#
# Usage: scripts/postgres-test-server.sh start [DIR]  prints the URL (export it as FLASHCAST_TEST_PG_URL);
#                                                    the cluster goes in DIR (new) or a new temporary folder,
#                                                    removed again (after showing the logs) if the server fails to start
#        scripts/postgres-test-server.sh stop DIR      stops the server started in DIR and removes DIR
#
# Installs Debian's postgresql when missing, initdb's a cluster in a new temporary folder owned by
# the 'postgres' user (the server refuses to run as root), requires a password over TCP
# (scram-sha-256) so that the tests exercise credentials, and listens on a free port. The URL
# carries the password: it is a throwaway cluster on loopback only.
set -euo pipefail

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || return 1
  echo "$dir"
}

install_if_missing() {
  pg_bin >/dev/null && return 0
  echo "postgres-test-server: installing postgresql" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends postgresql >&2
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  install_if_missing
  local bin dir port password user
  bin=$(pg_bin)
  user=postgres
  [ "$(id -u)" -ne 0 ] && user=$(id -un)
  dir=${1:-}
  if [ -n "$dir" ]; then mkdir "$dir"; else dir=$(mktemp -d /tmp/flashcast-pg.XXXXXX); fi
  # From here on a failure shows the logs and removes the folder (and any server started in it).
  trap "abandon $(printf %q "$dir")" EXIT
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  password="test-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
  as_postgres "$bin/initdb" -D "$dir/data" -U "$user" --pwfile="$dir/pwfile" -A scram-sha-256 \
    --auth-local=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
  rm -f "$dir/pwfile"
  port=$(free_port)
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  as_postgres "$bin/psql" -h "$dir" -p "$port" -U "$user" -d postgres -qc "CREATE DATABASE flashcast" >/dev/null
  trap - EXIT
  echo "postgres://$user:$password@127.0.0.1:$port/flashcast"
  echo "postgres-test-server: data in $dir (stop with: $0 stop $dir)" >&2
}

abandon() {
  local dir=$1
  echo "postgres-test-server: could not start the server in $dir" >&2
  tail -n 20 "$dir"/*.log >&2 2>/dev/null || true
  stop "$dir"
}

stop() {
  local dir=${1:?usage: $0 stop DIR}
  local bin
  bin=$(pg_bin) || { rm -rf "$dir"; return 0; }
  [ -d "$dir/data" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-start}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start [DIR] | stop DIR" >&2; exit 2 ;;
esac
