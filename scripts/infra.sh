#!/usr/bin/env bash
# Local infrastructure without Docker: checks the machine's PostgreSQL and Redis, and runs a
# single-node KRaft Kafka broker from Maven Central jars under .cache/kafka.
#
#   bash scripts/infra.sh up       check PostgreSQL/Redis, create databases, start Kafka, create topics
#   bash scripts/infra.sh down     stop the broker this script started (never PostgreSQL/Redis)
#   bash scripts/infra.sh status   one line per service; exit 0 only when all three answer
#
# Env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_START_TIMEOUT (60 seconds), and for
# a second broker beside the first (the fault suite's): KAFKA_DATA_DIR (.cache/kafka/data),
# KAFKA_CONFIG_FILE (.cache/kafka/server.properties), KAFKA_LOG_FILE (.cache/kafka/kafka.log),
# KAFKA_PID_FILE (.run/kafka.pid).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PG_HOST=127.0.0.1
PG_PORT=5432
REDIS_HOST=127.0.0.1
REDIS_PORT=6379
KAFKA_HOST=127.0.0.1
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
DATABASES=(service_circle service_circle_test)

KAFKA_POM="$ROOT/docker/kafka/pom.xml"
KAFKA_LOG4J="$ROOT/docker/kafka/log4j.properties"
KAFKA_HOME="$ROOT/.cache/kafka"
KAFKA_LIBS="$KAFKA_HOME/libs"
KAFKA_DATA="${KAFKA_DATA_DIR:-$KAFKA_HOME/data}"
KAFKA_LOGS="$(dirname "$KAFKA_DATA")/logs"
KAFKA_CONFIG="${KAFKA_CONFIG_FILE:-$KAFKA_HOME/server.properties}"
KAFKA_OUT="${KAFKA_LOG_FILE:-$KAFKA_HOME/kafka.log}"
RUN_DIR="$ROOT/.run"
KAFKA_PID_FILE="${KAFKA_PID_FILE:-$RUN_DIR/kafka.pid}"

export KAFKAJS_NO_PARTITIONER_WARNING=1

say() { printf '[infra] %s\n' "$*"; }
fail() {
  printf '[infra] %s\n' "$*" >&2
  exit 1
}

# Connection refused on loopback is immediate; the timeout only guards against a filtered port.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

postgres_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2
  else
    psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -XqtAc 'SELECT 1' >/dev/null 2>&1
  fi
}

redis_up() {
  if command -v redis-cli >/dev/null 2>&1; then
    [[ "$(timeout 2 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]
  else
    timeout 2 bash -c "exec 3<>/dev/tcp/$REDIS_HOST/$REDIS_PORT && printf 'PING\r\n' >&3 \
      && IFS= read -r line <&3 && [[ \$line == +PONG* ]]" 2>/dev/null
  fi
}

# The pid file alone is not proof: after a reboot the number can belong to anything.
kafka_pid() {
  [[ -f "$KAFKA_PID_FILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$KAFKA_PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == java ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  echo "$pid"
}

kafka_answers() {
  node -e '
    const { Kafka, logLevel } = require("kafkajs");
    const admin = new Kafka({
      clientId: "infra-probe", brokers: [process.argv[1]], logLevel: logLevel.NOTHING,
      connectionTimeout: 2000, requestTimeout: 4000, retry: { retries: 0 },
    }).admin();
    const timer = setTimeout(() => process.exit(1), 6000);
    admin.connect()
      .then(() => admin.describeCluster())
      .then((c) => { clearTimeout(timer); process.exit(c.brokers.length > 0 ? 0 : 1); })
      .catch(() => process.exit(1));
  ' "$KAFKA_HOST:$KAFKA_PORT" >/dev/null 2>&1
}

# Test suites call up/down from parallel workers; without the lock two `up`s can both see no
# broker, start two, and the loser's cleanup deletes the winner's pid file.
take_lock() {
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/infra.lock"
  if command -v flock >/dev/null 2>&1; then
    flock -w 180 9 || fail "another infra.sh is still running (lock .run/infra.lock)"
  fi
}

check_postgres_redis() {
  local bad=0
  if ! postgres_up; then
    say "PostgreSQL does not answer on $PG_HOST:$PG_PORT. Start it with:" >&2
    # shellcheck disable=SC2016
    say '  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' >&2
    bad=1
  fi
  if ! redis_up; then
    say "Redis does not answer on $REDIS_HOST:$REDIS_PORT. Start it with:" >&2
    say '  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no' >&2
    bad=1
  fi
  [[ $bad -eq 0 ]] || exit 1
}

ensure_databases() {
  local psql_cmd=(psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -XqtA -v ON_ERROR_STOP=1)
  local existing db
  existing="$("${psql_cmd[@]}" -c "SELECT datname FROM pg_database")"
  for db in "${DATABASES[@]}"; do
    if ! grep -qx "$db" <<<"$existing"; then
      say "creating database $db"
      # A concurrent `up` may win the race; only a still-missing database is an error.
      "${psql_cmd[@]}" -c "CREATE DATABASE \"$db\"" >/dev/null 2>&1 ||
        [[ "$("${psql_cmd[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" == 1 ]] ||
        fail "could not create database $db"
    fi
  done
}

# The stamp ties the jar set to the pom, so bumping a version in the pom re-fetches.
fetch_kafka_jars() {
  local stamp
  stamp="$(sha256sum "$KAFKA_POM" | cut -c1-16)"
  if [[ -f "$KAFKA_LIBS/.pom-$stamp" ]] && compgen -G "$KAFKA_LIBS/kafka_2.13-*.jar" >/dev/null; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || fail "mvn is needed once to fetch the Kafka jars (apt-get install maven)"
  say "fetching Apache Kafka jars from Maven Central into .cache/kafka/libs (once; ~50 MB)"
  local tmp="$KAFKA_HOME/libs.tmp"
  rm -rf "$tmp"
  mkdir -p "$KAFKA_HOME"
  # Maven's quiet mode still writes colour resets to stdout; keep its output for failures only.
  if ! mvn -q -B -f "$KAFKA_POM" dependency:copy-dependencies -DoutputDirectory="$tmp" \
    >"$KAFKA_HOME/mvn.log" 2>&1; then
    sed -e 's/\x1b\[[0-9;]*m//g' "$KAFKA_HOME/mvn.log" | tail -n 30 >&2
    rm -rf "$tmp"
    fail "mvn could not fetch the Kafka jars (is Maven Central reachable?); full output in .cache/kafka/mvn.log"
  fi
  touch "$tmp/.pom-$stamp"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
  say "Kafka jars ready: $(basename "$(compgen -G "$KAFKA_LIBS/kafka_2.13-*.jar")")"
}

write_kafka_config() {
  mkdir -p "$KAFKA_DATA" "$KAFKA_LOGS"
  local tmp="$KAFKA_CONFIG.tmp"
  cat >"$tmp" <<EOF
# Written by scripts/infra.sh on every \`up\`; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=3
num.io.threads=8
log.retention.hours=168
log.segment.bytes=1073741824
EOF
  mv "$tmp" "$KAFKA_CONFIG"
}

kafka_java() {
  java -Xmx512m -Xms256m -cp "$KAFKA_LIBS/*" \
    -Dlog4j.configuration="file:$KAFKA_LOG4J" -Dkafka.logs.dir="$KAFKA_LOGS" "$@"
}

format_kafka_storage() {
  [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
  say "formatting Kafka storage in .cache/kafka/data (once)"
  local cluster_id
  cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$KAFKA_OUT" | tail -n1)"
  [[ -n "$cluster_id" ]] || fail "kafka.tools.StorageTool random-uuid printed nothing; see $KAFKA_OUT"
  kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONFIG" >>"$KAFKA_OUT" 2>&1 ||
    fail "formatting Kafka storage failed; see $KAFKA_OUT"
}

start_kafka() {
  command -v java >/dev/null 2>&1 || fail "java is needed to run the Kafka broker"
  if port_open "$KAFKA_HOST" "$KAFKA_CONTROLLER_PORT"; then
    fail "port $KAFKA_CONTROLLER_PORT (Kafka controller) is taken by another process; set KAFKA_CONTROLLER_PORT"
  fi
  mkdir -p "$RUN_DIR"
  rm -f "$KAFKA_PID_FILE"
  say "starting Kafka on $KAFKA_HOST:$KAFKA_PORT (log: .cache/kafka/kafka.log)"
  printf '===== infra.sh up %s =====\n' "$(date -Is)" >>"$KAFKA_OUT"
  # setsid: its own session, so a Ctrl-C in the terminal that ran `up` does not reach it.
  # Without job control the child is no group leader, so setsid execs in place and $! is java.
  setsid java -Xmx512m -Xms256m -cp "$KAFKA_LIBS/*" \
    -Dlog4j.configuration="file:$KAFKA_LOG4J" -Dkafka.logs.dir="$KAFKA_LOGS" \
    kafka.Kafka "$KAFKA_CONFIG" >>"$KAFKA_OUT" 2>&1 </dev/null 9>&- &
  echo $! >"$KAFKA_PID_FILE"
}

# Prints only this run's part of kafka.log: older runs' stack traces would mislead.
print_start_log() {
  local from
  from="$(grep -n '^===== infra.sh up ' "$KAFKA_OUT" 2>/dev/null | tail -n1 | cut -d: -f1)"
  say "last lines of .cache/kafka/kafka.log:" >&2
  tail -n +"${from:-1}" "$KAFKA_OUT" | grep -E -m5 'ERROR|FATAL|Exception:' | cut -c1-300 >&2 || true
  say "..." >&2
  tail -n +"${from:-1}" "$KAFKA_OUT" | tail -n 25 | cut -c1-300 >&2 || true
}

# With a pid, the broker is ours: its death ends the wait early and its log explains why.
wait_for_kafka() {
  local started_pid="${1:-}" deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if [[ -n "$started_pid" ]] && ! kill -0 "$started_pid" 2>/dev/null; then
      say "Kafka exited during start-up" >&2
      print_start_log
      rm -f "$KAFKA_PID_FILE"
      exit 1
    fi
    if port_open "$KAFKA_HOST" "$KAFKA_PORT" && kafka_answers; then
      return 0
    fi
    sleep 0.5
  done
  say "no Kafka answer on $KAFKA_HOST:$KAFKA_PORT within ${KAFKA_START_TIMEOUT}s" >&2
  if [[ -n "$started_pid" ]]; then
    print_start_log
  else
    say "the process listening there was not started by infra.sh; check what it is (ss -ltnp)" >&2
  fi
  exit 1
}

cmd_up() {
  take_lock
  check_postgres_redis
  ensure_databases
  [[ -d "$ROOT/node_modules/kafkajs" ]] || fail "node_modules/kafkajs is missing; run npm ci first"

  local pid
  if pid="$(kafka_pid)"; then
    say "Kafka already running (pid $pid)"
    wait_for_kafka
  elif port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    say "something already listens on $KAFKA_HOST:$KAFKA_PORT (not started by infra.sh); using it"
    rm -f "$KAFKA_PID_FILE"
    wait_for_kafka
  else
    fetch_kafka_jars
    write_kafka_config
    format_kafka_storage
    start_kafka
    pid="$(cat "$KAFKA_PID_FILE")"
    wait_for_kafka "$pid"
    say "Kafka up (pid $pid)"
  fi

  KAFKA_BROKERS="$KAFKA_HOST:$KAFKA_PORT" node "$ROOT/scripts/create-topics.js" |
    sed 's/^/[infra] /'
  say "ready: PostgreSQL $PG_HOST:$PG_PORT, Redis $REDIS_HOST:$REDIS_PORT, Kafka $KAFKA_HOST:$KAFKA_PORT"
}

cmd_down() {
  take_lock
  local pid
  if ! pid="$(kafka_pid)"; then
    if [[ -f "$KAFKA_PID_FILE" ]]; then
      say "Kafka not running (removing stale .run/kafka.pid)"
      rm -f "$KAFKA_PID_FILE"
    elif port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      say "something listens on $KAFKA_HOST:$KAFKA_PORT but infra.sh did not start it; leaving it alone"
    else
      say "Kafka not running"
    fi
    return 0
  fi
  say "stopping Kafka (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 40; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "Kafka still running after 20 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -f "$KAFKA_PID_FILE"
  say "Kafka stopped"
}

cmd_status() {
  local ok=0 pid
  if postgres_up; then say "PostgreSQL $PG_HOST:$PG_PORT: up"; else say "PostgreSQL $PG_HOST:$PG_PORT: down" && ok=1; fi
  if redis_up; then say "Redis      $REDIS_HOST:$REDIS_PORT: up"; else say "Redis      $REDIS_HOST:$REDIS_PORT: down" && ok=1; fi
  if pid="$(kafka_pid)"; then
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      say "Kafka      $KAFKA_HOST:$KAFKA_PORT: up (pid $pid)"
    else
      say "Kafka      $KAFKA_HOST:$KAFKA_PORT: starting (pid $pid, port not open yet)"
      ok=1
    fi
  elif port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    say "Kafka      $KAFKA_HOST:$KAFKA_PORT: up (not started by infra.sh)"
  else
    say "Kafka      $KAFKA_HOST:$KAFKA_PORT: down"
    ok=1
  fi
  return $ok
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *)
    echo "usage: bash scripts/infra.sh up|down|status" >&2
    exit 2
    ;;
esac
