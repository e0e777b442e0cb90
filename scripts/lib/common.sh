# Shared by the project's scripts: where things are and how to install what is missing.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="$ROOT/.run"
mkdir -p "$RUN_DIR"

say() { printf '[circle] %s\n' "$*"; }

# Installs from the lock file when node_modules is missing or older than it. Not `npm ci`: the
# registry here lacks the other platforms' optional binaries (SWC's, for one), so the lock file
# cannot list them and `npm ci` refuses it; `npm install` honours the lock and skips them.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$ROOT/package-lock.json" -nt "$stamp" ]; then
    say "installing npm packages from package-lock.json"
    (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error)
  fi
}

# Browser tests drive Debian's Chromium; never a browser download.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  say "installing Debian's chromium for the browser tests"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
}

build() {
  say "building"
  (cd "$ROOT" && npm run --silent build)
}
