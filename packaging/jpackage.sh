#!/usr/bin/env bash
# Builds an installable DialDesk: a trimmed runtime (jlink) plus the app (jpackage).
#   packaging/jpackage.sh            -> target/installer/DialDesk (app image)
#   packaging/jpackage.sh deb        -> also a .deb (needs fakeroot and dpkg-deb)
# Needs JDK 17+ with jlink and jpackage; run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"

mvn -q -B package -DskipTests
version=$(sed -n 's/^version=//p' target/classes/org/dialdesk/version.properties)
out=target/installer
rm -rf "$out" target/jlink-runtime
mkdir -p "$out"

# JavaFX's platform jars are modular, so jlink takes them straight from target/lib.
fx_jars=$(ls target/lib/javafx-*-linux.jar 2>/dev/null | tr '\n' ':' || true)
[ -n "$fx_jars" ] || { echo "JavaFX platform jars missing in target/lib" >&2; exit 1; }
jlink --module-path "$fx_jars" \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,jdk.httpserver,jdk.crypto.ec,jdk.unsupported,javafx.controls,javafx.graphics,javafx.base \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output target/jlink-runtime

# The class-path app: the JavaFX jars live in the runtime, everything else beside the launcher jar.
input=target/jpackage-input
rm -rf "$input" && mkdir -p "$input/lib"
cp target/dialdesk.jar "$input/"
find target/lib -name '*.jar' ! -name 'javafx-*' -exec cp {} "$input/lib/" \;

# The same options as the README's run command. A heap that starts big enough for a 100,000-call
# history (no full collections while it loads), a small fixed young generation (short pauses) and
# shrinking back after collections keep the resident size under ~400 MB and the UI thread's
# pauses short; a metaspace threshold above what the screens' classes need avoids the full
# collections that crossing the default one triggers while they load (see the History
# benchmark in the README).
java_options="-Xms160m -Xmn32m -Xmx512m -XX:MetaspaceSize=96m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25"

jpackage --type app-image --name DialDesk --app-version "$version" \
  --java-options "$java_options" \
  --input "$input" --main-jar dialdesk.jar --main-class org.dialdesk.Launcher \
  --runtime-image target/jlink-runtime --icon icons/dialdesk-256.png \
  --description "Operator console for outbound AI voice-agent calls" \
  --dest "$out"
echo "App image: $out/DialDesk (run $out/DialDesk/bin/DialDesk)"

if [ "$type" = "deb" ]; then
  jpackage --type deb --name dialdesk --app-version "$version" \
    --app-image "$out/DialDesk" \
    --linux-package-deps libgtk-3-0 --linux-menu-group Office --linux-shortcut \
    --description "Operator console for outbound AI voice-agent calls" \
    --dest "$out"
  ls -la "$out"/*.deb
fi
