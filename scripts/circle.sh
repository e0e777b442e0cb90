#!/usr/bin/env bash
# The main job: the whole service circle on the demo district, infrastructure included.
#   bash scripts/circle.sh          start everything, print the URLs, stay until Ctrl-C
#   bash scripts/circle.sh --detach start everything and return
#   bash scripts/circle.sh stop     stop the apps (the infrastructure stays: `npm run infra down`)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

APPS=(hall township hospital supervisor notifier)
declare -A PORTS=([hall]=3100 [township]=3101 [hospital]=3102 [supervisor]=3103 [notifier]=3104)
LOGS="$RUN_DIR/logs"
mkdir -p "$LOGS"

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

if [ "${1:-}" = "stop" ]; then
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

stop_apps
for app in "${APPS[@]}"; do
  PORT="${PORTS[$app]}" nohup node -r ./scripts/paths.js "dist/apps/$app/src/main.js" \
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

cat <<INFO

  Service Circle is running on the demo district (Taibai Lake New District).

  Clerk console   http://127.0.0.1:3101/console        (hall :3100, hospitals :3102)
  Kiosk           http://127.0.0.1:3101/kiosk/town-1   sign in as kiosk-town-1
  Display board   http://127.0.0.1:3101/board/town-1   sign in as kiosk-town-1
  Hall kiosk      http://127.0.0.1:3100/kiosk/hall     Hospital kiosk http://127.0.0.1:3102/kiosk/hosp-1
  Dashboard       http://127.0.0.1:3103/dashboard      sign in as supervisor (report: /reports)
  SMS queues      http://127.0.0.1:3103/sms-queues     sign in as admin

  API docs        hall http://127.0.0.1:3100/docs   township http://127.0.0.1:3101/docs
                  hospital http://127.0.0.1:3102/docs   supervisor http://127.0.0.1:3103/docs
  Notifier        http://127.0.0.1:3104/health
  Every app also serves /health and /metrics.

  Demo logins (password circle-demo): supervisor, admin, and for each station (hall, town-1,
  town-2, hosp-1, hosp-2, hosp-3, village-1 … village-4) a counter account clerk-<station>,
  e.g. clerk-town-1, and a kiosk account kiosk-<station> for its kiosk and board

  Logs: .run/logs/<app>.log    Stop: Ctrl-C (or npm start -- stop; npm run infra down)

INFO

if [ "${1:-}" = "--detach" ]; then exit 0; fi
trap 'echo; stop_apps; exit 0' INT TERM
while true; do
  for app in "${APPS[@]}"; do
    if ! kill -0 "$(cat "$RUN_DIR/$app.pid" 2>/dev/null)" 2>/dev/null; then
      say "$app stopped unexpectedly; its log ends with:"
      tail -n 20 "$LOGS/$app.log"
      stop_apps
      exit 1
    fi
  done
  sleep 2
done
