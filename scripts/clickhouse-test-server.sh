#!/usr/bin/env bash
# Starts a throwaway ClickHouse server on 127.0.0.1 for the OrderSources tests and benchmark.
#
# Usage: scripts/clickhouse-test-server.sh start [DIR]  prints the URL (export it as FLASHCAST_TEST_CLICKHOUSE_URL);
#                                                      the server's data, logs and configuration go in DIR (new)
#                                                      or a new temporary folder, removed again (after showing
#                                                      the logs) if the server fails to start
#        scripts/clickhouse-test-server.sh stop DIR     stops the server started in DIR and removes DIR
#
# Installs Debian's clickhouse-server when missing, writes a configuration of its own (the system's
# /etc/clickhouse-server is not used), listens on loopback only with free HTTP and native ports,
# requires a password for the user 'flashcast' (so that the tests exercise credentials) and
# creates the database 'flashcast'. The URL carries the password: it is a throwaway server on
# loopback only.
set -euo pipefail

server=/usr/sbin/clickhouse-server

as_clickhouse() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u clickhouse -- "$@"; else "$@"; fi
}

install_if_missing() {
  [ -x "$server" ] && return 0
  echo "clickhouse-test-server: installing clickhouse-server" >&2
  bash "$(dirname "$0")/setup.sh" clickhouse-server >&2
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The server's answer to a query over HTTP (curl is not needed: python3 is, for free_port).
ask() {
  python3 - "$@" <<'EOF'
import sys, urllib.request, base64
port, user, password, query = sys.argv[1:5]
request = urllib.request.Request(f"http://127.0.0.1:{port}/", data=query.encode())
request.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode())
print(urllib.request.urlopen(request, timeout=5).read().decode(), end="")
EOF
}

start() {
  install_if_missing
  local dir http_port tcp_port password
  dir=${1:-}
  if [ -n "$dir" ]; then mkdir "$dir"; else dir=$(mktemp -d /tmp/flashcast-clickhouse.XXXXXX); fi
  # From here on a failure shows the logs and removes the folder (and any server started in it).
  trap "abandon $(printf %q "$dir")" EXIT
  chmod 755 "$dir"
  mkdir -p "$dir/data/tmp" "$dir/data/user_files" "$dir/data/format_schemas" "$dir/log"
  password="test-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  http_port=$(free_port)
  tcp_port=$(free_port)
  while [ "$tcp_port" = "$http_port" ]; do tcp_port=$(free_port); done
  cat >"$dir/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
    <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog></logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>$http_port</http_port>
    <tcp_port>$tcp_port</tcp_port>
    <path>$dir/data/</path>
    <tmp_path>$dir/data/tmp/</tmp_path>
    <user_files_path>$dir/data/user_files/</user_files_path>
    <format_schema_path>$dir/data/format_schemas/</format_schema_path>
    <users_config>$dir/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <mark_cache_size>67108864</mark_cache_size>
    <max_concurrent_queries>20</max_concurrent_queries>
</yandex>
EOF
  cat >"$dir/users.xml" <<EOF
<?xml version="1.0"?>
<yandex>
    <profiles><default><max_memory_usage>2000000000</max_memory_usage><max_threads>2</max_threads></default></profiles>
    <users>
        <flashcast>
            <password>$password</password>
            <networks><ip>127.0.0.1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </flashcast>
    </users>
    <quotas><default></default></quotas>
</yandex>
EOF
  chmod 600 "$dir/users.xml"
  [ "$(id -u)" -eq 0 ] && chown -R clickhouse: "$dir"
  as_clickhouse "$server" --config-file="$dir/config.xml" --pid-file="$dir/server.pid" --daemon >/dev/null 2>&1
  local tries=0
  until ask "$http_port" flashcast "$password" "SELECT 1" >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ "$tries" -lt 300 ] || { echo "clickhouse-test-server: no answer after 30 s" >&2; exit 1; }
    sleep 0.1
  done
  ask "$http_port" flashcast "$password" "CREATE DATABASE flashcast" >/dev/null
  trap - EXIT
  echo "clickhouse://flashcast:$password@127.0.0.1:$http_port/flashcast"
  echo "clickhouse-test-server: data in $dir (stop with: $0 stop $dir)" >&2
}

abandon() {
  local dir=$1
  echo "clickhouse-test-server: could not start the server in $dir" >&2
  tail -n 20 "$dir"/log/*.log >&2 2>/dev/null || true
  stop "$dir"
}

stop() {
  local dir=${1:?usage: $0 stop DIR}
  local pid tries=0
  if [ -f "$dir/server.pid" ] && pid=$(cat "$dir/server.pid") && [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [ "$tries" -lt 100 ]; do sleep 0.1; tries=$((tries + 1)); done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

case "${1:-start}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start [DIR] | stop DIR" >&2; exit 2 ;;
esac
