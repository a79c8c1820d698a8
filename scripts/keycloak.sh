#!/usr/bin/env bash
# A private, throw-away Keycloak for the integration tests (Keycloak*IT, @KeycloakTest).
#
#   scripts/keycloak.sh start   start the Keycloak server distribution that Maven unpacked into
#                               target/keycloak/dist/ (mvn verify does that before the integration tests)
#                               in dev mode on 127.0.0.1 (port 18080 or the next free one), with fresh
#                               storage under target/, the realm docs/keycloak/shixun-realm.json imported,
#                               a random client secret and admin password; waits until the realm answers
#                               and writes the connection to target/keycloak/it.properties for the tests
#                               (and target/keycloak/env for a person: `. target/keycloak/env`)
#   scripts/keycloak.sh stop    shut that server down (never any other one)
#
# Both are idempotent. Maven runs start before and stop after the integration tests. Needs only
# Java 17 and bash (no curl): readiness is checked over bash's /dev/tcp.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="${SHIXUN_KEYCLOAK_DIR:-$ROOT_DIR/target/keycloak}"
REALM_FILE="$ROOT_DIR/docs/keycloak/shixun-realm.json"
REALM=shixun
PID_FILE="$RUN_DIR/keycloak.pid"
PORT_FILE="$RUN_DIR/port"
PROPS_FILE="$RUN_DIR/it.properties"
ENV_FILE="$RUN_DIR/env"
LOG_FILE="$RUN_DIR/keycloak.log"
# The realm's redirect URIs are on http://localhost: Keycloak accepts any port of a loopback
# address there (RFC 8252), so the tests' random application port needs no realm change.
BASE_URL="${SHIXUN_BASE_URL:-http://localhost}"
# First start of a freshly unpacked server includes Quarkus' build step: ~35 s in all on an idle
# 2-core machine, minutes when other builds share it.
START_TIMEOUT_S="${SHIXUN_KEYCLOAK_START_TIMEOUT:-600}"

say() { echo "keycloak: $*"; }
fail() { echo "keycloak: ERROR: $*" >&2; exit 1; }

# The unpacked server: the version Maven passes in, else the only one there.
keycloak_home() {
  local homes=("$RUN_DIR"/dist/keycloak-${KEYCLOAK_VERSION:-*})
  [ -f "${homes[0]}/bin/kc.sh" ] \
    || fail "no Keycloak server under $RUN_DIR/dist/; 'mvn verify' (phase pre-integration-test) unpacks it"
  [ ${#homes[@]} -eq 1 ] || fail "several Keycloak versions under $RUN_DIR/dist/ (${homes[*]}); set KEYCLOAK_VERSION"
  echo "${homes[0]}"
}

running() {
  [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

random_token() {
  od -An -N24 -tx1 /dev/urandom | tr -d ' \n'
}

# The HTTP status of GET path on the server, or nothing when it does not answer.
http_status() {
  local port=$1 path=$2
  (
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 0
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n' "$path" "$port" >&3
    IFS=' ' read -r _ status _ <&3 && echo "$status"
  ) 2>/dev/null || true
}

# Waits until the realm's discovery document answers 200; fails at once if the server died.
wait_until_ready() {
  local pid=$1 port=$2 waited=0
  until [ "$(http_status "$port" "/realms/$REALM/.well-known/openid-configuration")" = "200" ]; do
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 1
    waited=$((waited + 1))
    if [ $waited -ge "$START_TIMEOUT_S" ]; then
      kill -- "-$pid" 2>/dev/null || true
      return 1
    fi
  done
}

launch() {
  local home=$1 port=$2 secret=$3 admin_password=$4
  # Own session (setsid), so that stop can end kc.sh and its java child together. The C1 compiler
  # only: a test server answers a few hundred requests, and starts faster without C2 on 2 cores.
  SHIXUN_BASE_URL="$BASE_URL" SHIXUN_OIDC_CLIENT_SECRET="$secret" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
  JAVA_OPTS_KC_HEAP="${SHIXUN_KEYCLOAK_HEAP:--Xms64m -Xmx512m}" \
  JAVA_OPTS_APPEND="-XX:TieredStopAtLevel=1" \
    setsid bash "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" \
      --hostname="http://127.0.0.1:$port" --import-realm \
    </dev/null >"$LOG_FILE" 2>&1 &
}

start() {
  [ -f "$REALM_FILE" ] || fail "realm file $REALM_FILE is missing"
  mkdir -p "$RUN_DIR"
  if running; then
    say "private server already running (pid $(cat "$PID_FILE"), port $(cat "$PORT_FILE"))"
    [ -f "$PROPS_FILE" ] || fail "server running but $PROPS_FILE is missing; run '$0 stop' and start again"
    return 0
  fi
  local home secret admin_password port attempt
  home="$(keycloak_home)"
  secret="$(random_token)"
  admin_password="$(random_token)"
  # Fresh storage every run: the realm is imported from the file as it is now (an import skips
  # a realm that exists).
  rm -rf "$home/data"
  mkdir -p "$home/data/import"
  cp "$REALM_FILE" "$home/data/import/$REALM-realm.json"

  port=${SHIXUN_KEYCLOAK_PORT:-18080}
  # Another build may take the same free port at the same moment: then the server dies at bind
  # and the next port is tried.
  for attempt in 1 2 3; do
    while ! port_free "$port"; do port=$((port + 1)); done
    echo "$port" >"$PORT_FILE"
    say "starting $(basename "$home") on 127.0.0.1:$port (log $LOG_FILE)"
    launch "$home" "$port" "$secret" "$admin_password"
    echo $! >"$PID_FILE"
    if wait_until_ready "$(cat "$PID_FILE")" "$port"; then
      break
    fi
    rm -f "$PID_FILE"
    [ $attempt -lt 3 ] || { tail -n 30 "$LOG_FILE" >&2 || true; fail "server did not start, see $LOG_FILE"; }
    rm -rf "$home/data/h2"
    port=$((port + 1))
  done

  local url="http://127.0.0.1:$port"
  cat >"$PROPS_FILE" <<EOF
# Written by scripts/keycloak.sh start: the private Keycloak for the integration tests.
shixun.it.keycloak.url=$url
shixun.it.keycloak.issuer=$url/realms/$REALM
shixun.it.keycloak.client-secret=$secret
shixun.it.keycloak.admin-username=admin
shixun.it.keycloak.admin-password=$admin_password
EOF
  cat >"$ENV_FILE" <<EOF
# Written by scripts/keycloak.sh start. '. target/keycloak/env' before running the app with the keycloak profile.
export SHIXUN_OIDC_ISSUER=$url/realms/$REALM
export SHIXUN_OIDC_CLIENT_SECRET=$secret
EOF
  say "realm $REALM ready at $url/realms/$REALM (admin console $url/admin, user admin, password in $PROPS_FILE)"
}

stop() {
  if ! running; then
    say "private server not running"
    rm -f "$PROPS_FILE" "$ENV_FILE"
    return 0
  fi
  local pid waited=0
  pid="$(cat "$PID_FILE")"
  say "stopping private server (pid $pid)"
  # kc.sh forwards the signal to its java process; the process group catches both.
  kill -- "-$pid" 2>/dev/null || kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.5
    waited=$((waited + 1))
    if [ $waited -ge 60 ]; then
      say "server did not stop within 30 s; killing it"
      kill -9 -- "-$pid" 2>/dev/null || true
      break
    fi
  done
  rm -f "$PROPS_FILE" "$ENV_FILE" "$PID_FILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
