#!/usr/bin/env bash
# The one test command, for a fresh clone and for CI: installs what is missing, then checks
# types and lint, runs unit tests, starts the infrastructure and runs integration tests.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/service_circle_test}"
RESULTS="$ROOT/.cache/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
started=$SECONDS

ensure_node_modules
ensure_chromium
build
say "type-checking and linting"
npm run --silent typecheck
npm run --silent lint

say "unit tests"
npx jest --selectProjects unit --json --outputFile="$RESULTS/unit.json"

bash scripts/infra.sh up
say "preparing a fresh test database"
# Made anew each run: a run starts from an empty log, whatever an earlier run left behind.
node -e '
  const { Client } = require("pg");
  const url = new URL(process.argv[1]);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const db = new Client({ connectionString: url.toString() });
  db.connect()
    .then(() => db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
    .then(() => db.query(`CREATE DATABASE "${name}"`))
    .then(() => db.end())
    .catch((error) => { console.error(error.message); process.exit(1); });
' "$TEST_DATABASE_URL"
DATABASE_URL="$TEST_DATABASE_URL" npm run --silent migrate
DATABASE_URL="$TEST_DATABASE_URL" npm run --silent seed:demo

say "integration tests (real PostgreSQL, Kafka, Redis)"
set +e
# One suite at a time (they share the demo district and its ports), in a worker that is
# replaced once it holds over 1 GB: each suite loads apps, drivers and a browser client anew,
# and one process running them all grows past Node's heap limit.
TEST_DATABASE_URL="$TEST_DATABASE_URL" npx jest --selectProjects integration --maxWorkers=1 \
  --workerIdleMemoryLimit=1G --json --outputFile="$RESULTS/integration.json"
status=$?
set -e

node scripts/lib/summarise-tests.js "$RESULTS"/*.json
say "finished in $((SECONDS - started)) s"
exit $status
