#!/usr/bin/env bash
# `npm run faults`: the long fault run, beside the benchmarks. FAULT_ROUNDS rounds (24 by
# default: each of the eight kinds of fault three times) of traffic through every station while
# an app is killed with SIGKILL or Kafka, Redis or PostgreSQL is restarted, then the checks.
# Runs on a PostgreSQL, Redis and Kafka of its own under .cache/faults (ports 25432, 26379,
# 29192), never the shared ones; apps on TEST_PORT_BASE (5100) … +4. FAULT_SEED replays a run.
# The test command runs the same suite with 3 rounds.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$ROOT"

export FAULT_ROUNDS="${FAULT_ROUNDS:-24}"
export FAULT_SEED="${FAULT_SEED:-$((RANDOM * 32768 + RANDOM))}"
export TEST_PORT_BASE="${TEST_PORT_BASE:-5100}"

ensure_node_modules
build
say "fault run: ${FAULT_ROUNDS} rounds, seed ${FAULT_SEED}"
npx jest --selectProjects integration --runInBand --runTestsByPath test/faults/faults.int-spec.ts
