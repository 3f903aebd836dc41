#!/usr/bin/env bash
# The installable bundle as a user gets it (run by .ci/run after the tests; runs on its own too):
#   1. builds the app image and the .deb (mvn -Ppackage package);
#   2. starts the app image headless on a fresh data folder with --exit-when-ready: it must come
#      up on the sandbox profile with no warning on the terminal, map its class-data archive, log
#      to its data folder, and its launcher must run the command-line interface and keep a key in
#      the system keyring (where D-Bus and GNOME Keyring are, as .ci/keyring-test.sh installs them);
#   3. checks the .deb: its dependencies, its desktop entry (desktop-file-validate), and an
#      install and uninstall into a throwaway root (maintainer scripts included) that leave nothing.
# Installs what it needs (Xvfb, GTK, fakeroot, desktop-file-utils) when missing and it can.
set -euo pipefail
cd "$(dirname "$0")/../.."
step() { printf '\n== %s\n' "$*"; }
fail() { echo "smoke test failed: $*" >&2; exit 1; }

need=()
command -v xvfb-run >/dev/null || need+=(xvfb xauth)
command -v fakeroot >/dev/null || need+=(fakeroot)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v strip >/dev/null || need+=(binutils)
[ -e /usr/lib/x86_64-linux-gnu/libgtk-3.so.0 ] || ldconfig -p | grep libgtk-3.so.0 >/dev/null || need+=(libgtk-3-0)
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq || fail "apt-get update failed; install ${need[*]} by hand"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || fail "could not install ${need[*]}"
fi

step "building the bundle"
started=$(date +%s)
mvn -B -q -Ppackage package -DskipTests
echo "built in $(( $(date +%s) - started )) s"
image=target/package/dialdesk
deb=$(ls target/package/dialdesk_*_amd64.deb)
version=$(sed -n 's/^version=//p' target/classes/org/dialdesk/version.properties)
echo "app image: $(du -sm "$image" | cut -f1) MB ($(du -sm "$image/lib/app/dialdesk.jsa" | cut -f1) MB of it the class-data archive); $deb: $(( $(stat -c %s "$deb") / 1048576 )) MB"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

step "starting the app image headless on a fresh data folder"
DIALDESK_HOME="$scratch/home" timeout 180 xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$image/bin/dialdesk" --exit-when-ready >"$scratch/out" 2>"$scratch/err" || fail "did not come up: $(cat "$scratch/out" "$scratch/err")"
cat "$scratch/out"
grep -q '^ready ' "$scratch/out" || fail "no ready line"
[ ! -s "$scratch/err" ] || fail "it wrote to the terminal: $(cat "$scratch/err")"
grep -q "INFO org.dialdesk: DialDesk $version on Java" "$scratch/home/logs/dialdesk-0.log" || fail "no start line in the log file"
[ -f "$scratch/home/sandbox/sandbox.db" ] && [ -f "$scratch/home/profiles/sandbox/history.db" ] || fail "it did not open the sandbox profile"
# -Xshare:on makes the JVM refuse to start when it cannot map the archive (a path mismatch, say).
# Every run here keeps to the scratch data folder: the CI user's own is never touched.
export DIALDESK_HOME="$scratch/home"
JAVA_TOOL_OPTIONS=-Xshare:on "$image/bin/dialdesk" --version >"$scratch/version" 2>&1 || fail "the class-data archive is not usable: $(cat "$scratch/version")"
grep -q "^DialDesk $version$" "$scratch/version" || fail "the launcher's --version: $(cat "$scratch/version")"
"$image/bin/dialdesk" sandbox --help | grep -q "Usage: dialdesk sandbox" || fail "the launcher does not run the CLI"
# The archive holds what the start-up loads only while packaging/startup.classlist is current.
DIALDESK_HOME="$scratch/home2" JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$scratch/classes.log" timeout 180 \
  xvfb-run -a -s "-screen 0 1600x1000x24" "$image/bin/dialdesk" --exit-when-ready >/dev/null 2>&1 || fail "second start failed"
outside=$(grep ' org\.dialdesk\.' "$scratch/classes.log" | grep -v 'shared objects file' | grep -vc '\$\$Lambda' || true)
[ "$outside" -le 10 ] || fail "$outside of the console's classes load from outside the class-data archive: run packaging/make-startup-classlist.sh and commit packaging/startup.classlist"
echo "came up, mapped its archive ($outside of its own classes loaded outside it), logged to its data folder; the CLI runs from the launcher"

# A key kept in the system keyring by the installed runtime (the D-Bus connection needs modules a
# trimmed runtime can lack: without jdk.security.auth it looked like a machine with no keyring).
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  step "keeping a key in the system keyring from the launcher"
  mkdir "$scratch/keyring-home"
  HOME="$scratch/keyring-home" DIALDESK_HOME="$scratch/keyring-home/dialdesk" timeout 120 dbus-run-session -- sh -c '
    echo -n dialdesk-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    echo sk_smoke_test_key_0123456789 | "$1/bin/dialdesk" profiles add --name Smoke --key-in keyring &&
    "$1/bin/dialdesk" profiles list | grep "Smoke .*key in the system keyring" &&
    "$1/bin/dialdesk" profiles remove Smoke
  ' sh "$image" >"$scratch/keyring.out" 2>&1 || fail "the launcher could not keep a key in the system keyring: $(grep -v AccessDenied "$scratch/keyring.out")"
  grep -v AccessDenied "$scratch/keyring.out"
else
  echo "no D-Bus session tools or GNOME Keyring here: the keyring step is left to .ci/keyring-test.sh's machines"
fi

step "checking the .deb"
dpkg-deb --field "$deb" Depends | grep -q 'libgtk-3-0' || fail "the .deb does not depend on libgtk-3-0"
mkdir "$scratch/x"
dpkg-deb -x "$deb" "$scratch/x"
entry="$scratch/x/opt/dialdesk/lib/dialdesk-dialdesk.desktop"
desktop-file-validate "$entry" || fail "desktop entry does not validate"
grep -q '^StartupWMClass=org.dialdesk.App$' "$entry" || fail "desktop entry has no StartupWMClass"
[ "$(ls "$scratch"/x/opt/dialdesk/lib/*.desktop | wc -l)" = 1 ] || fail "more than one menu entry"
[ ! -e "$scratch/x/opt/dialdesk/lib/app/dialdesk.jsa" ] || fail "the .deb carries an archive made for another path"
installed_kb=$(dpkg-deb --field "$deb" Installed-Size)
echo "desktop entry valid; installed size $(( installed_kb / 1024 )) MB before the archive the installer makes"

step "installing into a throwaway root and removing it again"
root="$scratch/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$scratch/shims"
touch "$root/var/lib/dpkg/status"
# The maintainer scripts run without a chroot (DPKG_ROOT names the root). The menu tools are
# stand-ins that note what they are asked and fail as xdg-desktop-menu does on a machine with no
# desktop menu set up (status 3): the package must install and go all the same.
for tool in xdg-desktop-menu xdg-mime xdg-icon-resource; do
  cat >"$scratch/shims/$tool" <<SHIM
#!/bin/sh
echo "$tool \$*" >>"$scratch/menu-calls"
echo "$tool: No writable system menu directory found." >&2
exit 3
SHIM
  chmod +x "$scratch/shims/$tool"
done
dpkg_root() { PATH="$scratch/shims:$PATH" dpkg --root="$root" --force-script-chrootless --force-depends --force-not-root \
  --log=/dev/null "$@"; }
# Its dependencies are not in the empty root: dpkg warns of each (kept in dpkg.log) and goes on.
dpkg_root -i "$deb" >"$scratch/dpkg.log" 2>&1 || fail "install failed: $(cat "$scratch/dpkg.log")"
grep -q "xdg-desktop-menu install /opt/dialdesk/lib/dialdesk-dialdesk.desktop" "$scratch/menu-calls" || fail "the menu tool was not asked"
desktop-file-validate "$root/usr/share/applications/dialdesk-dialdesk.desktop" >/dev/null || fail "no valid menu entry installed"
[ "$(readlink "$root/usr/bin/dialdesk")" = /opt/dialdesk/bin/dialdesk ] || fail "no /usr/bin/dialdesk"
[ -s "$root/opt/dialdesk/lib/app/dialdesk.jsa" ] || fail "the installer made no class-data archive"
JAVA_TOOL_OPTIONS=-Xshare:on "$root/opt/dialdesk/bin/dialdesk" --version 2>&1 | grep -q "^DialDesk $version$" \
  || fail "the installed launcher does not run with its archive"
echo "installed: $(du -sm "$root/opt/dialdesk" | cut -f1) MB with its archive; the installed CLI runs"
# An upgrade called off after the old package's pre-removal step: dpkg then runs
# "postinst abort-upgrade", which must put back what the pre-removal step took down.
info="$root/var/lib/dpkg/info"
for step in "prerm upgrade" "postinst abort-upgrade"; do
  set -- $step
  PATH="$scratch/shims:$PATH" DPKG_ROOT="$root" sh "$info/dialdesk.$1" "$2" 0.1.0-1 >>"$scratch/dpkg.log" 2>&1 \
    || fail "$step failed: $(cat "$scratch/dpkg.log")"
done
[ -L "$root/usr/bin/dialdesk" ] && [ -s "$root/opt/dialdesk/lib/app/dialdesk.jsa" ] \
  && [ -e "$root/usr/share/applications/dialdesk-dialdesk.desktop" ] || fail "an upgrade called off left the package broken"
echo "an upgrade called off leaves it whole"
dpkg_root -r dialdesk >"$scratch/dpkg.log" 2>&1 || fail "remove failed: $(cat "$scratch/dpkg.log")"
grep -q "xdg-desktop-menu uninstall /opt/dialdesk/lib/dialdesk-dialdesk.desktop" "$scratch/menu-calls" || fail "the menu tool was not asked to remove the entry"
[ ! -e "$root/usr/share/applications/dialdesk-dialdesk.desktop" ] || fail "menu entry left behind"
[ ! -e "$root/opt/dialdesk" ] || fail "left behind: $(find "$root/opt/dialdesk")"
[ ! -e "$root/usr/bin/dialdesk" ] && [ ! -L "$root/usr/bin/dialdesk" ] || fail "left /usr/bin/dialdesk behind"
echo "removed cleanly"
