#!/bin/sh
# Times applying an N-revision chain to a blank SQLite file: bench/run.sh [revisions] [rounds]
set -e
cd "$(dirname "$0")/.."
[ -f runtime/target/schemagov.jar ] || mvn -B -q -pl runtime package -DskipTests
exec java -cp runtime/target/schemagov.jar bench/ApplyChainBench.java "$@"
