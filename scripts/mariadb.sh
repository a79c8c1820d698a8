#!/usr/bin/env bash
# A private, throw-away MariaDB for the integration tests (*MariaDbIT / @MariaDbTest).
#
#   scripts/mariadb.sh start   install mariadb-server if the server binary is missing, start a private
#                              server under target/mariadb/ on 127.0.0.1 (port 33306 or the next free one),
#                              recreate the database shixun_it (utf8mb4) and its user, and write the
#                              connection to target/mariadb/it.properties for the tests
#   scripts/mariadb.sh stop    shut that server down (never any other one)
#   scripts/mariadb.sh restart shut it down cleanly and start it again on the same port and datadir, keeping
#                              every database (the tests restart the server in the middle of a batch)
#   scripts/mariadb.sh database NAME
#                              (re)create an empty database NAME for the same user and print its JDBC URL
#                              (the two-node tests want a database of their own)
#
# Both are idempotent. Maven runs start before and stop after the integration tests. A system
# MariaDB (port 3306, /var/lib/mysql) is never touched: this server has its own datadir, port,
# socket and pid file, and reads no option files (--no-defaults).
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="${SHIXUN_MARIADB_DIR:-$ROOT_DIR/target/mariadb}"
DATA_DIR="$RUN_DIR/data"
PID_FILE="$RUN_DIR/mariadb.pid"
PORT_FILE="$RUN_DIR/port"
PROPS_FILE="$RUN_DIR/it.properties"
LOG_FILE="$RUN_DIR/mariadb.log"
# Where Debian puts the server; searched after PATH (the tests point this elsewhere).
SBIN_DIRS="${SHIXUN_MARIADB_SBIN_DIRS-/usr/sbin:/usr/local/sbin}"
DB_NAME=shixun_it
DB_USER=shixun_it
DB_PASSWORD=shixun_it

say() { echo "mariadb: $*"; }
fail() { echo "mariadb: ERROR: $*" >&2; exit 1; }

# The server binary (mariadbd, or mysqld on older packages), or nothing.
find_server() {
  local name
  for name in mariadbd mysqld; do
    PATH="$PATH${SBIN_DIRS:+:$SBIN_DIRS}" command -v "$name" 2>/dev/null && return 0
  done
  return 0
}

install_server() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null </dev/null; then
      sudo="sudo -n"
    else
      fail "no MariaDB server found and not root (no password-less sudo either): run 'apt-get install -y mariadb-server' as root, or skip the integration tests with -DskipITs"
    fi
  fi
  say "no MariaDB server found; installing mariadb-server with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q </dev/null || fail "apt-get update failed; the MariaDB integration tests cannot run"
  if ! $sudo apt-get install -y -q --no-install-recommends mariadb-server </dev/null; then
    [ -n "$(find_server)" ] || fail "could not install mariadb-server with apt-get; the MariaDB integration tests cannot run"
    # Typically the package's own service failing to start (no init system in a container):
    # the tests start their own server and do not need it.
    say "apt-get reported an error, but the server binary is installed; going on"
  fi
  [ -n "$(find_server)" ] || fail "mariadb-server was installed but no mariadbd/mysqld binary was found"
}

running() {
  [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A unix socket path must stay under ~107 bytes; fall back to /tmp for deep checkouts.
socket_path() {
  local socket="$RUN_DIR/mariadb.sock"
  if [ ${#socket} -gt 100 ]; then
    socket="/tmp/shixun-mariadb-$(echo "$RUN_DIR" | cksum | cut -d' ' -f1).sock"
  fi
  echo "$socket"
}

client() {
  local cli
  cli="$(command -v mariadb || command -v mysql)" || fail "no mariadb/mysql client found (package mariadb-client)"
  "$cli" --no-defaults --protocol=socket --socket="$(socket_path)" -uroot "$@" </dev/null
}

# Durability is traded for speed: this database is thrown away after the tests.
launch() {
  local server=$1 port=$2
  shift 2
  setsid "$server" --no-defaults --datadir="$DATA_DIR" "$@" \
    --bind-address=127.0.0.1 --port="$port" --socket="$(socket_path)" --pid-file="$PID_FILE" \
    --log-error="$LOG_FILE" --skip-name-resolve --skip-log-bin \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=128M --innodb-log-file-size=64M \
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
    </dev/null >/dev/null 2>&1 &
}

# Waits up to 60 s for the server with this pid to answer; fails at once if it died.
wait_until_answering() {
  local pid=$1 waited=0
  until client -e 'SELECT 1' >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
    waited=$((waited + 1))
    if [ $waited -ge 120 ]; then
      kill "$pid" 2>/dev/null || true
      return 1
    fi
  done
}

# Starts the private server unless it runs; on a restart ($1 = same-port) only the recorded port is tried.
server_up() {
  local server
  server="$(find_server)"
  [ -n "$server" ] || install_server
  server="$(find_server)"
  mkdir -p "$RUN_DIR"

  if running; then
    say "private server already running (pid $(cat "$PID_FILE"), port $(cat "$PORT_FILE"))"
  else
    local user_opt=()
    # mariadbd refuses to run as root unless told to; the datadir then belongs to root.
    [ "$(id -u)" -eq 0 ] && user_opt=(--user=root)
    if [ ! -d "$DATA_DIR/mysql" ]; then
      local install_db
      install_db="$(command -v mariadb-install-db || command -v mysql_install_db)" \
        || fail "mariadb-install-db not found (package mariadb-server)"
      say "creating datadir $DATA_DIR"
      "$install_db" --no-defaults --datadir="$DATA_DIR" "${user_opt[@]}" --auth-root-authentication-method=normal \
        --skip-test-db >"$RUN_DIR/install-db.log" 2>&1 </dev/null \
        || fail "mariadb-install-db failed, see $RUN_DIR/install-db.log"
    fi
    local port=${SHIXUN_MARIADB_PORT:-33306} attempt
    if [ "${1:-}" = same-port ]; then
      port="$(cat "$PORT_FILE")"
      port_free "$port" || fail "port $port was taken while the server was down; cannot restart on it"
    fi
    # Another build may take the same free port at the same moment: then the server dies at
    # bind and the next port is tried (never on a restart: the clients know the old port).
    for attempt in 1 2 3 4 5; do
      while [ "${1:-}" != same-port ] && ! port_free "$port"; do port=$((port + 1)); done
      echo "$port" >"$PORT_FILE"
      say "starting $server on 127.0.0.1:$port (datadir $DATA_DIR)"
      launch "$server" "$port" "${user_opt[@]}"
      if wait_until_answering $!; then
        break
      fi
      [ $attempt -lt 5 ] && [ "${1:-}" != same-port ] \
        || { tail -n 20 "$LOG_FILE" >&2 || true; fail "server did not start, see $LOG_FILE"; }
      port=$((port + 1))
    done
  fi
}

# Drops and creates database $1, owned by the tests' user.
fresh_database() {
  local name=$1
  [[ "$name" =~ ^[a-z][a-z0-9_]{0,63}$ ]] || fail "not a database name: $name"
  client -e "DROP DATABASE IF EXISTS $name;
    CREATE DATABASE $name CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
    GRANT ALL PRIVILEGES ON $name.* TO '$DB_USER'@'127.0.0.1';" \
    || fail "could not create database $name"
}

jdbc_url() {
  echo "jdbc:mysql://127.0.0.1:$(cat "$PORT_FILE")/$1?useUnicode=true&characterEncoding=utf8&serverTimezone=Asia/Shanghai&nullDatabaseMeansCurrent=true"
}

start() {
  server_up
  local port
  port="$(cat "$PORT_FILE")"
  # A fresh database for every run: the tests start from an empty schema like a first production start.
  fresh_database "$DB_NAME"
  cat >"$PROPS_FILE" <<EOF
# Written by scripts/mariadb.sh start: the private MariaDB for the integration tests.
shixun.it.mariadb.url=$(jdbc_url "$DB_NAME")
shixun.it.mariadb.username=$DB_USER
shixun.it.mariadb.password=$DB_PASSWORD
EOF
  say "database $DB_NAME ready on 127.0.0.1:$port ($PROPS_FILE)"
}

# Stops the server; $1 = keep leaves the connection file for the clients of a restart.
stop() {
  if ! running; then
    say "private server not running"
    [ "${1:-}" = keep ] || rm -f "$PROPS_FILE"
    return 0
  fi
  local pid
  pid="$(cat "$PID_FILE")"
  say "stopping private server (pid $pid)"
  kill "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.5
    waited=$((waited + 1))
    if [ $waited -ge 60 ]; then
      say "server did not stop within 30 s; killing it"
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
  done
  rm -f "$PID_FILE"
  [ "${1:-}" = keep ] || rm -f "$PROPS_FILE"
}

# A clean shutdown (committed transactions are flushed) and a start on the same port and data.
restart() {
  running || fail "private server not running; nothing to restart"
  stop keep
  server_up same-port
  say "restarted on 127.0.0.1:$(cat "$PORT_FILE")"
}

database() {
  [ -n "${1:-}" ] || fail "usage: $0 database NAME"
  running || fail "private server not running; run '$0 start' first"
  fresh_database "$1" >&2
  jdbc_url "$1"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) restart ;;
  database) database "${2:-}" ;;
  *) echo "usage: $0 start|stop|restart|database NAME" >&2; exit 2 ;;
esac
