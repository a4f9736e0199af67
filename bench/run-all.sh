#!/bin/sh
# Every benchmark of BENCHMARKS.md: bench/run-all.sh [--quick]
# P1/P2 (processor overhead and scaling, bench/processor/run.sh), then P3-P5 (the runtime,
# bench/runtime/run.sh). Full runs write their tables into BENCHMARKS.md; --quick only prints.
set -e
cd "$(dirname "$0")/.."
bench/processor/run.sh "$@"
bench/runtime/run.sh "$@"
