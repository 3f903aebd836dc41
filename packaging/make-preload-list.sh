#!/usr/bin/env bash
# Writes src/main/resources/org/dialdesk/app/preload.classes: the classes, other than the JDK's,
# that the console loads while it starts, builds its screens and the operator opens History,
# types in its search box and sorts, in the order they are first loaded. The console loads and
# links them ahead on a thread of its own (org.dialdesk.app.ClassPreloader). The workload is the
# History benchmark's (100,000 calls, prepared in a temporary folder: a few minutes).
# Run it again when screens change; ClassPreloaderTest fails when the list names too many classes
# the code no longer has.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/main/resources/org/dialdesk/app/preload.classes
dump=$(mktemp)
trap 'rm -f "$dump"' EXIT
mvn -q -B test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
  "-Dexec.args=@packaging/jvm.options -XX:DumpLoadedClassList=$dump -classpath %classpath org.dialdesk.bench.HistoryBenchmark" \
  | grep '^summary'
{
  echo "# The classes the console loads ahead, in the order it first uses them. Written by"
  echo "# packaging/make-preload-list.sh; read by org.dialdesk.app.ClassPreloader."
  # The JDK's own classes come from its class-data archive already; the benchmark's and the
  # headless platform's are not the console's; generated classes (lambdas) have no file to load.
  grep -v '^#' "$dump" | grep -v '^@' | awk '{print $1}' \
    | grep -Ev '^(java|javax|jdk|sun|com/sun/(crypto|net|security|jndi|management|org)|org/(ietf|w3c|xml))/' \
    | grep -Ev '^org/dialdesk/bench/|^com/sun/glass/ui/monocle/|\$\$Lambda|\$Proxy'
} > "$out"
echo "$out: $(grep -vc '^#' "$out") classes"
