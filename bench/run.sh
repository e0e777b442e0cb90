#!/usr/bin/env bash
# `npm run bench -- <name>`: builds, then runs bench/<name>.bench.ts from dist/.
# Each bench gets a database of its own (service_circle_bench_<name>) unless BENCH_DATABASE_URL
# says otherwise: benches drop and recreate their database, and must not drop another's mid-run.
# BENCH_NODE_ARGS passes flags to node, e.g. BENCH_NODE_ARGS=--cpu-prof.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: npm run bench -- <name>   (append, call-next, circle, coverage, event-pipeline, floor, read-models, rebuild, relay, settlement, sms)}"
if [[ ! -f "bench/${name}.bench.ts" ]]; then
  echo "no bench/${name}.bench.ts" >&2
  exit 64
fi
export BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/service_circle_bench_${name//-/_}}"
npm run --silent build
# shellcheck disable=SC2086 # BENCH_NODE_ARGS is a list of flags
exec node ${BENCH_NODE_ARGS:-} -r ./scripts/paths.js "dist/bench/${name}.bench.js"
