#!/usr/bin/env bash
# Writes src/main/resources/org/dialdesk/app/preload.classes: the classes, other than the JDK's,
# that the console loads while it starts, builds its screens and the operator opens History,
# types in its search box and sorts, in the order they are first loaded. The console loads
# them ahead on a thread of its own (org.dialdesk.app.ClassPreloader). The workload is the
# History benchmark's (100,000 calls, prepared in a temporary folder: a few minutes), run with the
# loading ahead left out, so the list is what the console itself uses and not the last list again.
# It runs on the headless platform (software rendering), so the desktop toolkit's own classes are
# not in it; in the bundle they come from the class-data archive.
# Run it again when screens change; ClassPreloaderTest fails when the list names too many classes
# the code no longer has.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/main/resources/org/dialdesk/app/preload.classes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -q -B test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
  "-Dexec.args=@packaging/jvm.options -Ddialdesk.preload=false -XX:DumpLoadedClassList=$work/dump -classpath %classpath org.dialdesk.bench.HistoryBenchmark" \
  2>"$work/log" | grep '^summary' || { cat "$work/log" >&2; exit 1; }
# The JDK's own classes (they come from its class-data archive already) and the benchmark's.
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
jimage list "$java_home/lib/modules" | sed -n 's/^ *\(.*\)\.class$/\1/p' | sort -u > "$work/jdk"
(cd target/test-classes && find . -name '*.class' | sed 's|^\./||; s|\.class$||') | sort -u > "$work/tests"
{
  echo "# The classes the console loads ahead, in the order it first uses them. Written by"
  echo "# packaging/make-preload-list.sh; read by org.dialdesk.app.ClassPreloader."
  # Generated classes (lambdas, proxies) have no file to load; nor has the headless platform.
  grep -v '^[#@]' "$work/dump" | awk '{print $1}' | grep -Ev '\$\$Lambda|\$Proxy|^com/sun/glass/ui/monocle/' \
    | awk -v jdk="$work/jdk" -v tests="$work/tests" \
        'BEGIN { while ((getline n < jdk) > 0) skip[n] = 1; while ((getline n < tests) > 0) skip[n] = 1 } !(($0) in skip)'
} > "$out"
echo "$out: $(grep -vc '^#' "$out") classes"
