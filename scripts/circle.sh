#!/usr/bin/env bash
# The main job: the whole service circle on the demo district, infrastructure included.
#   bash scripts/circle.sh          start everything, play the district's day, print the URLs,
#                                   stay until Ctrl-C
#   bash scripts/circle.sh --quiet  the same without the simulated traffic
#   bash scripts/circle.sh --detach start everything and return (no simulated traffic)
#   bash scripts/circle.sh stop     stop the apps (the infrastructure stays: `npm run infra down`)
# HALL_PORT … NOTIFIER_PORT move the apps, CIRCLE_RUN_DIR their pid files and logs, so a second
# circle (on a database of its own) can run beside the first.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

RUN_DIR="${CIRCLE_RUN_DIR:-$RUN_DIR}"
APPS=(hall township hospital supervisor notifier)
declare -A PORTS=([hall]="${HALL_PORT:-3100}" [township]="${TOWNSHIP_PORT:-3101}"
  [hospital]="${HOSPITAL_PORT:-3102}" [supervisor]="${SUPERVISOR_PORT:-3103}"
  [notifier]="${NOTIFIER_PORT:-3104}")
LOGS="$RUN_DIR/logs"
mkdir -p "$LOGS"
MODE="${1:-}"

stop_simulator() {
  local pidfile="$RUN_DIR/simulator.pid"
  [ -f "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    # It finishes the commands in flight and writes its summary to its log.
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    say "stopped the simulator"
  fi
  rm -f "$pidfile"
}

stop_apps() {
  for app in "${APPS[@]}"; do
    local pidfile="$RUN_DIR/$app.pid"
    [ -f "$pidfile" ] || continue
    local pid
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
      say "stopped $app"
    fi
    rm -f "$pidfile"
  done
}

if [ "$MODE" = "stop" ]; then
  stop_simulator
  stop_apps
  exit 0
fi

ensure_node_modules
build
bash scripts/infra.sh up

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/service_circle}"
# A secret made once per checkout, so tokens survive a restart but no two checkouts share one.
if [ -z "${JWT_SECRET:-}" ]; then
  [ -s "$RUN_DIR/jwt-secret" ] || head -c 32 /dev/urandom | base64 | tr -d '\n=' > "$RUN_DIR/jwt-secret"
  JWT_SECRET=$(cat "$RUN_DIR/jwt-secret")
fi
export JWT_SECRET

say "migrating and seeding the demo district"
npm run --silent migrate
npm run --silent seed:demo

stop_simulator
stop_apps
# Each in a session of its own: Ctrl-C reaches this script alone, which stops them in order,
# rather than every process at once while the watch below takes a stopped app for a crash.
for app in "${APPS[@]}"; do
  PORT="${PORTS[$app]}" setsid nohup node -r ./scripts/paths.js "dist/apps/$app/src/main.js" \
    > "$LOGS/$app.log" 2>&1 &
  echo $! > "$RUN_DIR/$app.pid"
done

for app in "${APPS[@]}"; do
  port="${PORTS[$app]}"
  for _ in $(seq 1 150); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/health" && break
    if ! kill -0 "$(cat "$RUN_DIR/$app.pid")" 2>/dev/null; then
      say "$app failed to start; its log ($LOGS/$app.log) ends with:"
      tail -n 20 "$LOGS/$app.log"
      stop_apps
      exit 1
    fi
    sleep 0.2
  done
  curl -fs -o /dev/null "http://127.0.0.1:$port/health" || say "warning: $app is up but /health is not 200"
done

H="http://127.0.0.1:${PORTS[hall]}" T="http://127.0.0.1:${PORTS[township]}"
P="http://127.0.0.1:${PORTS[hospital]}" S="http://127.0.0.1:${PORTS[supervisor]}"
N="http://127.0.0.1:${PORTS[notifier]}"
cat <<INFO

  Service Circle is running on the demo district (Taibai Lake New District).

  Clerk console   $T/console        (hall $H, hospitals $P)
  Kiosk           $T/kiosk/town-1   sign in as kiosk-town-1
  Display board   $T/board/town-1   sign in as kiosk-town-1 (busiest: $P/board/hosp-1, kiosk-hosp-1)
  Hall kiosk      $H/kiosk/hall     Hospital kiosk $P/kiosk/hosp-1
  Dashboard       $S/dashboard      sign in as supervisor (report: /reports)
  SMS queues      $S/sms-queues     sign in as admin

  API docs        hall $H/docs   township $T/docs
                  hospital $P/docs   supervisor $S/docs
  Notifier        $N/health
  Every app also serves /health and /metrics.

  Demo logins (password circle-demo): supervisor, admin, and for each station (hall, town-1,
  town-2, hosp-1, hosp-2, hosp-3, village-1 … village-4) a counter account clerk-<station>,
  e.g. clerk-town-1, and a kiosk account kiosk-<station> for its kiosk and board

  Logs: $LOGS/<app>.log    Stop: Ctrl-C (or npm start -- stop; npm run infra down)

INFO

if [ "$MODE" = "--detach" ]; then exit 0; fi
trap 'echo; stop_simulator; stop_apps; exit 0' INT TERM

if [ "$MODE" != "--quiet" ]; then
  # A new seed each start, printed so a day can be played again exactly (npm run simulate).
  seed=$(( $(date +%s) % 100000 + 1 ))
  CIRCLE_HALL_URL="$H" CIRCLE_TOWNSHIP_URL="$T" CIRCLE_HOSPITAL_URL="$P" CIRCLE_SUPERVISOR_URL="$S" \
    setsid node -r ./scripts/paths.js dist/libs/simulator/src/simulate.cli.js --seed "$seed" --repeat \
    > "$LOGS/simulator.log" &
  echo $! > "$RUN_DIR/simulator.pid"
  say "simulating today's working day, 08:00–17:00, in about ten minutes (seed $seed; quiet: npm start -- --quiet)"
fi

while true; do
  for app in "${APPS[@]}"; do
    if ! kill -0 "$(cat "$RUN_DIR/$app.pid" 2>/dev/null)" 2>/dev/null; then
      say "$app stopped unexpectedly; its log ends with:"
      tail -n 20 "$LOGS/$app.log"
      stop_simulator
      stop_apps
      exit 1
    fi
  done
  sleep 2
done
