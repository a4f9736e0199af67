#!/bin/sh
# The runtime benchmarks P3-P5: bench/runtime/run.sh [--quick] [p3] [p4] [p5] (default all three).
# Installs the runtime from this tree, builds the harness, starts PostgreSQL unless SCHEMAGOV_PG_URL is
# set, and prints each table; a full run (not --quick) also writes them into BENCHMARKS.md.
set -e
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q install -DskipTests -pl runtime -am
mvn -B -q -f bench/runtime/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
if [ -z "$SCHEMAGOV_PG_URL" ]; then
  SCHEMAGOV_PG_URL="$(.ci/postgres.sh)"
  export SCHEMAGOV_PG_URL
fi
exec java -Xmx2g -cp "bench/runtime/target/classes:$(cat bench/runtime/target/classpath.txt)" \
  io.schemagov.bench.Main --report BENCHMARKS.md "$@"
