#!/usr/bin/env bash
# `npm run fuzz`: the long fuzz run, beside the benchmarks. Every operation of every app, from
# their OpenAPI documents, FUZZ_REQUESTS times in all (10,000 by default) from a fresh seed
# (FUZZ_SEED replays one), against a database of its own made anew (FUZZ_DATABASE_URL) and apps
# on their own ports (TEST_PORT_BASE, 4700 by default). Findings and each app's log are kept in
# .cache/fuzz. The test command runs the same suite with 1,000 requests and a fixed seed.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

FUZZ_DATABASE_URL="${FUZZ_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/service_circle_fuzz}"
export FUZZ_REQUESTS="${FUZZ_REQUESTS:-10000}"
export FUZZ_SEED="${FUZZ_SEED:-$((RANDOM * 32768 + RANDOM))}"
export TEST_PORT_BASE="${TEST_PORT_BASE:-4700}"
export FUZZ_REPORT="$ROOT/.cache/fuzz"
rm -rf "$FUZZ_REPORT" && mkdir -p "$FUZZ_REPORT"

ensure_node_modules
build
bash scripts/infra.sh up
say "preparing a fresh fuzz database"
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
' "$FUZZ_DATABASE_URL"
DATABASE_URL="$FUZZ_DATABASE_URL" npm run --silent migrate
DATABASE_URL="$FUZZ_DATABASE_URL" npm run --silent seed:demo

say "fuzzing: ${FUZZ_REQUESTS} requests, seed ${FUZZ_SEED}"
TEST_DATABASE_URL="$FUZZ_DATABASE_URL" npx jest --selectProjects integration --runInBand --runTestsByPath \
  test/fuzz/openapi-fuzz.int-spec.ts
