#!/usr/bin/env bash
# Makes packaging/startup.classlist: every class the packaged console loads from its start to a
# dial form with its pickers' data, on a fresh data folder (the first run loads the most: it also
# creates the sandbox), and every class it loads ahead on a thread of its own. Runs the app
# image's own runtime, without its archive, under Xvfb.
# Needs the app image (mvn -B -Ppackage package -DskipTests) and xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
image=target/package/dialdesk
[ -x "$image/bin/dialdesk" ] || { echo "no app image: run mvn -B -Ppackage package -DskipTests first" >&2; exit 2; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
DIALDESK_HOME="$home" xvfb-run -a "$image/lib/runtime/bin/java" @packaging/jvm.options \
  -XX:DumpLoadedClassList=packaging/startup.classlist \
  -cp "$image/lib/app/dialdesk.jar" org.dialdesk.Launcher --exit-when-ready
# The console also loads its screens' classes ahead on a thread of its own (ClassPreloader), as far
# as it gets before it is ready: the archive holds all of them, so those loads map it too.
preload=src/main/resources/org/dialdesk/app/preload.classes
grep -v '^#' packaging/startup.classlist | awk '{print $1}' | sort -u > "$home/dumped"
grep -v '^#' "$preload" | sort -u | comm -13 "$home/dumped" - > "$home/more"
grep -Fxf "$home/more" "$preload" >> packaging/startup.classlist || true
echo "packaging/startup.classlist: $(grep -vc '^#' packaging/startup.classlist) classes ($(wc -l < "$home/more") of them listed to load ahead)"
