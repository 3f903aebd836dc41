#!/usr/bin/env bash
# The system keyring's own test: inside a D-Bus session of its own with an unlocked GNOME Keyring
# (Secret Service), in a fresh HOME so no keyring of the machine's user is touched. Installs what
# it needs when missing (Debian); where it cannot, the test is skipped with its reason, as on any
# machine without a keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v dbus-run-session >/dev/null || need+=(dbus-x11 dbus)
command -v gnome-keyring-daemon >/dev/null || need+=(gnome-keyring)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "keyring test: ${need[*]} missing and cannot be installed here; KeyringSecretsTest skips its system-keyring case"
    exit 0
  fi
fi
# The fresh HOME below hides the user's Maven folder: its repository and settings are named outright.
repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
[ -d "$repo" ] || { echo "keyring test: no Maven repository at $repo (set MAVEN_REPO_LOCAL)" >&2; exit 1; }
maven_settings=()
[ -f "$HOME/.m2/settings.xml" ] && maven_settings=(-s "$HOME/.m2/settings.xml")
fresh_home="$(mktemp -d)"
trap 'rm -rf "$fresh_home"' EXIT
HOME="$fresh_home" DIALDESK_TEST_KEYRING=unlocked dbus-run-session -- sh -c '
  echo -n dialdesk-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  repo=$1; shift
  exec mvn -B -q -Dmaven.repo.local="$repo" "$@" surefire:test -Dtest=KeyringSecretsTest -Dsurefire.failIfNoSpecifiedTests=false
' sh "$repo" "${maven_settings[@]}"
echo "keyring test: the system keyring (GNOME Keyring over D-Bus) kept, read and removed a key"
# And a session whose keyring is locked (D-Bus starts the daemon, which cannot prompt without a desktop):
# storing must fail with a reason, not hang or crash. The daemon's complaints go to a file, not the CI log.
HOME="$fresh_home" DIALDESK_TEST_KEYRING=locked timeout 300 dbus-run-session -- \
  mvn -B -q -Dmaven.repo.local="$repo" "${maven_settings[@]}" surefire:test -Dtest=KeyringSecretsTest \
  -Dsurefire.failIfNoSpecifiedTests=false \
  2>"$fresh_home/locked-keyring.log"
echo "keyring test: a locked keyring refused the key with a reason"
