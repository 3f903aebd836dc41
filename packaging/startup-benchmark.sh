#!/usr/bin/env bash
# Start-up benchmark: the packaged console (target/package/dialdesk) against an empty AtlantaFX
# window packaged the same way (same runtime, JVM options and kind of class-data archive), started
# alternately on this machine. Each is timed from its command to the line "ready" it prints: the
# console once its dial form is whole, with the pickers' data in it, and painted
# (--exit-when-ready); the empty window once its first frame is painted. (Timed here, not by the
# apps: the JVM's own idea of when its process started is off by up to a second on Linux.)
# Prints every time, both medians and their ratio, for a first run (a fresh data folder each time)
# and a warm one (the same folder again).
#
#   packaging/startup-benchmark.sh [RUNS]     (RUNS of each, per case; default 10)
#
# Builds the bundle from the working tree first (a minute), so what it times is the code as it is;
# runs under Xvfb when there is no display.
set -euo pipefail
self=$(realpath "$0")
cd "$(dirname "$self")/.."
runs=${1:-10}
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$self" "$@"
fi

image=target/package/dialdesk
mvn -B -q -Ppackage package -DskipTests
mvn -B -q test-compile

work=target/startup-benchmark
rm -rf "$work" && mkdir -p "$work/input"
jar --create --file "$work/input/emptywindow.jar" -C target/test-classes org/dialdesk/bench/EmptyWindow.class \
  -C target/test-classes 'org/dialdesk/bench/EmptyWindow$Window.class' \
  -C target/classes org/dialdesk/ui/common/Frames.class -C target/classes 'org/dialdesk/ui/common/Frames$1.class'
cp target/package/input/lib/atlantafx-base-*.jar "$work/input/"
jpackage --type app-image --name emptywindow --input "$work/input" --main-jar emptywindow.jar \
  --main-class org.dialdesk.bench.EmptyWindow --runtime-image target/package/runtime \
  @target/package/jvm-options.args --java-options '-XX:SharedArchiveFile=$APPDIR/emptywindow.jsa' --dest "$work"
empty="$work/emptywindow"
# Its class list from a run, then its archive, as the console's are made.
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$empty/lib/app/startup.classlist" "$empty/bin/emptywindow" >/dev/null 2>&1
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$empty/lib/app/startup.classlist" "$empty/bin/emptywindow" >/dev/null 2>&1

ready_ms() { # command...: ms from starting it to its "ready" line; fails loudly on an error or a CDS warning
  local start out status=0
  start=$(date +%s%N)
  out=$("$@" 2>&1 | while IFS= read -r line; do
    case "$line" in
      ready*) echo "ms $(( ($(date +%s%N) - start) / 1000000 ))" ;;
      *) echo "$line" ;;
    esac
  done) || status=$?
  if [ "$status" != 0 ] || grep -qi "cds\|shared archive\|\[warning\]" <<<"$out" || ! grep -q "^ms " <<<"$out"; then
    echo "$* did not come up cleanly (status $status): $out" >&2
    exit 1
  fi
  sed -n 's/^ms //p' <<<"$out" | tail -1
}
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

warm_home=$(mktemp -d)
trap 'rm -rf "$warm_home" "$work"/fresh-*' EXIT
DIALDESK_HOME="$warm_home" "$image/bin/dialdesk" --exit-when-ready >/dev/null 2>&1 # the warm folder's first run

for case in first warm; do
  : >"$work/$case-empty" ; : >"$work/$case-dialdesk"
  for i in $(seq "$runs"); do
    ready_ms "$empty/bin/emptywindow" >>"$work/$case-empty"
    if [ "$case" = first ]; then home=$(mktemp -d -p "$work" fresh-XXXX); else home=$warm_home; fi
    DIALDESK_HOME="$home" ready_ms "$image/bin/dialdesk" --exit-when-ready >>"$work/$case-dialdesk"
  done
  e=$(median <"$work/$case-empty"); d=$(median <"$work/$case-dialdesk")
  label=$([ "$case" = first ] && echo "first run (fresh data folder)" || echo "warm (same data folder)")
  echo "$label"
  echo "  empty window ms: $(tr '\n' ' ' <"$work/$case-empty")"
  echo "  DialDesk ms:     $(tr '\n' ' ' <"$work/$case-dialdesk")"
  echo "  median: empty window $e ms, DialDesk $d ms, ratio $(awk -v d="$d" -v e="$e" 'BEGIN {printf "%.2f", d/e}')"
done
