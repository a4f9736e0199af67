#!/bin/sh
# P1/P2, processor overhead and scaling: bench/processor/run.sh [--quick]
# Builds the processor from this working tree, resolves the other processors from Maven Central,
# and times javac on generated corpora. The full run merges its tables into BENCHMARKS.md.
set -e
cd "$(dirname "$0")/../.."
W=bench/processor/target
SIZES=${SIZES:-2000,20000} REPS=${REPS:-5,1} HP_UP_TO=${HP_UP_TO:-2000}
if [ "$1" = "--quick" ]; then SIZES=200,2000 REPS=3,1 HP_UP_TO=200; fi

mvn -B -q -pl processor -am package -DskipTests
rm -rf "$W" && mkdir -p "$W/paths" "$W/classes" "$W/chain" "$W/empty/META-INF/services"
# Private copies: a concurrent rebuild of the reactor must not swap jars under a measurement.
cp processor/target/schemagov-processor-*[0-9T].jar runtime/target/schemagov-runtime-*[0-9T].jar \
   annotations/target/schemagov-annotations-*[0-9T].jar "$W/paths/"
P="$PWD/$W/paths"
mvn -B -q -pl processor dependency:build-classpath -DincludeScope=runtime -DexcludeGroupIds=io.schemagov \
    -Dmdep.outputFile="$P/schemagov-deps.cp"
mvn -B -q -f bench/processor/pom.xml -P corpus dependency:build-classpath -Dmdep.outputFile="$P/corpus.cp"
mvn -B -q -f bench/processor/pom.xml -P jpamodelgen dependency:build-classpath -Dmdep.outputFile="$P/jpamodelgen.cp"
SG="$P/$(cd "$P" && ls schemagov-processor-*.jar):$P/$(cd "$P" && ls schemagov-runtime-*.jar):$(cat "$P/schemagov-deps.cp")"
CORPUS_CP="$P/$(cd "$P" && ls schemagov-annotations-*.jar):$(cat "$P/corpus.cp")"

javac -d "$W/classes" bench/processor/Bench.java bench/processor/CompileOnce.java bench/processor/GenerateCorpus.java
javac -d "$W/empty" bench/processor/EmptyProcessor.java
echo bench.EmptyProcessor > "$W/empty/META-INF/services/javax.annotation.processing.Processor"
javac -d "$W/chain" -cp "$SG" bench/processor/ChainProcessor.java

set -- --work "$PWD/$W" --classes "$PWD/$W/classes" --sizes "$SIZES" --reps "$REPS" --jpamodelgen-up-to "$HP_UP_TO" \
  --corpus-cp "$CORPUS_CP" --empty "$PWD/$W/empty" --schemagov "$SG" --chain "$PWD/$W/chain:$SG" \
  --jpamodelgen "$(cat "$P/jpamodelgen.cp")" --notes bench/processor/notes.md \
  --command "SIZES=$SIZES REPS=$REPS HP_UP_TO=$HP_UP_TO bench/processor/run.sh${1:+ $1}" \
  $( [ "$1" = "--quick" ] || echo --benchmarks BENCHMARKS.md )
exec java -cp "$W/classes" Bench "$@"
